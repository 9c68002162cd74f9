import type { BackendProbe } from '@nn/core';
import {
  AUTO_ORDER,
  type GpujsMode,
  type GpujsModeChoice,
  isNode,
  SOFTWARE_RENDERER,
} from './modes.js';

/**
 * Whether `mode` runs here, and on what. In Node it asks gpu.js itself
 * (imported here, not by the descriptor); in browsers it asks the browser
 * (a 1×1 WebGL context, a WebGPU adapter), so a page can probe without
 * fetching gpu.js.
 */
export async function probeGpujsMode(mode: GpujsModeChoice): Promise<BackendProbe> {
  if (mode === 'auto') return probeAuto();
  return isNode ? probeInNode(mode) : probeInBrowser(mode);
}

/** The mode `auto` would run, as createGpujsBackend picks it, with why it passed better ones. */
async function probeAuto(): Promise<BackendProbe> {
  const skipped: string[] = [];
  for (const mode of AUTO_ORDER) {
    const probe = await probeGpujsMode(mode);
    if (!probe.available) {
      skipped.push(`${mode} is unavailable (${probe.reason})`);
      continue;
    }
    if (probe.software === true) {
      skipped.push(`${mode} renders in software (${probe.device})`);
      continue;
    }
    const note = `runs ${mode}${skipped.length > 0 ? ` because ${skipped.join('; ')}` : ''}`;
    return { ...probe, note };
  }
  return { available: false, reason: `no mode can start: ${skipped.join('; ')}` };
}

async function probeInNode(mode: GpujsMode): Promise<BackendProbe> {
  const { glRenderer, gpujsModeAvailability, webgpuAvailability } = await import(
    './mode-availability.js'
  );
  const availability = mode === 'webgpu' ? await webgpuAvailability() : gpujsModeAvailability(mode);
  if (!availability.available) return { available: false, reason: availability.reason };
  return mode === 'headlessgl' ? onRenderer(glRenderer(mode)) : { available: true };
}

interface WebGlContext {
  readonly RENDERER: number;
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL?: number; loseContext?(): void } | null;
  getParameter(name: number): unknown;
}

interface CanvasLike {
  getContext(kind: string): WebGlContext | null;
}

interface WebGpuLike {
  requestAdapter(): Promise<{
    info?: { description?: string; vendor?: string; isFallbackAdapter?: boolean };
  } | null>;
}

async function probeInBrowser(mode: GpujsMode): Promise<BackendProbe> {
  switch (mode) {
    case 'headlessgl':
      return {
        available: false,
        reason: "headlessgl runs only in Node; in a browser use 'webgl2' or 'webgl'",
      };
    case 'webasm':
      return typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object'
        ? { available: true }
        : { available: false, reason: 'this browser has no WebAssembly' };
    case 'cpu':
      return { available: true };
    case 'webgpu':
      return probeWebGpu();
    default:
      return probeWebGl(mode);
  }
}

/** gpu.js's GL modes need float textures it can render to and read: the extensions its own check asks for. */
function probeWebGl(mode: 'webgl2' | 'webgl'): BackendProbe {
  const api = mode === 'webgl2' ? 'WebGL2' : 'WebGL';
  const gl = canvas()?.getContext(mode) ?? null;
  if (gl === null) return { available: false, reason: `this browser offers no ${api} context` };
  const float =
    mode === 'webgl2'
      ? gl.getExtension('EXT_color_buffer_float') !== null
      : gl.getExtension('OES_texture_float') !== null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl.getParameter(debug?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext?.();
  if (!float) {
    return {
      available: false,
      reason: `${mode} runs but cannot render and read float32 textures (OES_texture_float / EXT_color_buffer_float); use mode 'webasm'`,
    };
  }
  return onRenderer(typeof renderer === 'string' ? renderer : undefined);
}

async function probeWebGpu(): Promise<BackendProbe> {
  const gpu = (globalThis as { navigator?: { gpu?: WebGpuLike } }).navigator?.gpu;
  if (gpu === undefined) {
    return {
      available: false,
      reason:
        'this browser offers no WebGPU (navigator.gpu is missing): Chrome and Edge 113+ have it; use webgl2 elsewhere',
    };
  }
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (adapter === null) {
    return {
      available: false,
      reason:
        'navigator.gpu exists but no WebGPU adapter answered (no usable GPU, or WebGPU is blocked for it); in Chromium on Linux start it with --enable-unsafe-webgpu, or use webgl2',
    };
  }
  const device = [adapter.info?.vendor, adapter.info?.description].filter(Boolean).join(' ');
  const probe = onRenderer(device === '' ? undefined : device);
  return adapter.info?.isFallbackAdapter === true ? { ...probe, software: true } : probe;
}

/**
 * No probe carries a `speed` (a measured crossover over cpu float64), so
 * `auto` never picks gpujs by itself. Measured 2026-11-29 on this machine
 * (2 EPYC cores under load, Mesa llvmpipe under Xvfb, LP_NUM_THREADS=0; the
 * gpujs grid, 1-n-1 sigmoid network, steps/s): headlessgl and webasm ran
 * slower than cpu float64 at every workload from 2,048 to 8,388,608
 * multiply-adds per step, e.g. width 16 × batch 64: 801 and 4,721 against
 * 16,403; 256 × 256: 220 and 330 against 719; 1024 × 1024: 9.5 and 18.3
 * against 59.3; 4096 × 1024: 0.8 and 4.6 against 9.5 (one cell, 256 × 1024,
 * once showed headlessgl at 2.1×; rerun, 0.13×). Software GL has no
 * crossover here; a hardware GPU was not there to measure, so auto names
 * it in its reason and leaves choosing it to the user.
 */
function onRenderer(device: string | undefined): BackendProbe {
  if (device === undefined) return { available: true };
  return { available: true, device, software: SOFTWARE_RENDERER.test(device) };
}

function canvas(): CanvasLike | undefined {
  const scope = globalThis as {
    OffscreenCanvas?: new (width: number, height: number) => CanvasLike;
    document?: { createElement(tag: 'canvas'): CanvasLike };
  };
  if (scope.OffscreenCanvas !== undefined) return new scope.OffscreenCanvas(1, 1);
  return scope.document?.createElement('canvas');
}
