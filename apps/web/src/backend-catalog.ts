import { descriptor as cpu } from '@nn/backend-cpu/descriptor';
import { descriptor as gpujs } from '@nn/backend-gpujs/descriptor';
import { descriptor as wasm } from '@nn/backend-wasm/descriptor';
import { type BackendDescriptor, type BackendSetting, backendSettings } from '@nn/core';

/**
 * The page's backends, in the order the select lists them (the first is
 * auto's choice for small networks). Adding one is a line here and its
 * dependency in package.json: the select, URL ids and loader follow.
 */
export const BACKENDS: readonly BackendDescriptor[] = [cpu, gpujs, wasm];

/** `auto`: chosen at start from the probes and the network's size. */
export const AUTO = 'auto';

export interface PageBackend {
  /** The URL and select id: the descriptor's id and its option values, e.g. 'cpu-float64'. */
  readonly id: string;
  readonly label: string;
  readonly setting: BackendSetting;
}

/**
 * Every setting a browser can run: option values marked Node-only are left
 * out, and so are 'auto' values (gpujs's own auto), which only repeat another.
 */
export const PAGE_BACKENDS: readonly PageBackend[] = BACKENDS.flatMap((descriptor) =>
  backendSettings(descriptor)
    .filter((setting) =>
      descriptor.options.every((option) => {
        const value = setting.options[option.name] as string;
        return value !== AUTO && option.runsIn?.[value] !== 'node';
      }),
    )
    .map((setting) => {
      const values = descriptor.options.map((option) => setting.options[option.name]);
      return {
        id: [descriptor.id, ...values].join('-'),
        label: [descriptor.id, ...values].join(', '),
        setting,
      };
    }),
);

/** What the backend select offers and a URL may name: auto, then every page backend. */
export const BACKEND_IDS: readonly string[] = [AUTO, ...PAGE_BACKENDS.map((b) => b.id)];
export type BackendId = string;

export function pageBackend(id: BackendId): PageBackend | undefined {
  return PAGE_BACKENDS.find((backend) => backend.id === id);
}
