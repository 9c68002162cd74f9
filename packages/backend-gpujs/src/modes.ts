/**
 * gpu.js's modes, declared once: the backend, its descriptor (the apps'
 * flags, help and selects) and `auto` read this list. This file imports
 * nothing, so the descriptor can use it without loading gpu.js.
 */
export const GPUJS_MODES = ['headlessgl', 'webgl2', 'webgl', 'webgpu', 'webasm', 'cpu'] as const;
export type GpujsMode = (typeof GPUJS_MODES)[number];

/** What the `mode` option takes: 'auto', then every mode. */
export const GPUJS_MODE_CHOICES = ['auto', ...GPUJS_MODES] as const;
export type GpujsModeChoice = (typeof GPUJS_MODE_CHOICES)[number];

/** Modes that run only in Node or only in browsers; the others run in both. */
export const GPUJS_MODES_RUN_IN: Readonly<Partial<Record<GpujsMode, 'node' | 'browser'>>> = {
  headlessgl: 'node',
  webgl2: 'browser',
  webgl: 'browser',
  webgpu: 'browser',
};

export const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** Renderer names of software rasterisers: Mesa's llvmpipe and softpipe, Chromium's SwiftShader. */
export const SOFTWARE_RENDERER = /llvmpipe|softpipe|swiftshader|software/i;

/**
 * What `auto` tries, best first, where it runs; never webgpu, which only an
 * adapter request can confirm. A GL mode that renders in software is passed
 * over: webasm was as fast or faster at every size measured on llvmpipe, and
 * 7–17× faster at batch 1 (README, Benchmark).
 */
export const AUTO_ORDER: readonly GpujsMode[] = isNode
  ? ['headlessgl', 'webasm', 'cpu']
  : ['webgl2', 'webgl', 'webasm', 'cpu'];
