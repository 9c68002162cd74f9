/**
 * The parts of WebAssembly and of browsers this package uses, typed here so
 * that it compiles without the DOM library, as its users' Node projects do
 * (Node's types have neither WebAssembly nor Worker).
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

/** A compiled module: opaque, passed to instantiate and to workers. */
export type WasmModule = { readonly __wasmModule: unique symbol };

interface WasmNamespace {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  compile(bytes: ArrayBufferView | ArrayBufferLike): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: object): Promise<{ exports: object }>;
  validate(bytes: ArrayBufferView | ArrayBufferLike): boolean;
}

export interface BrowserWorker {
  onmessage: (() => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
}

interface Globals {
  WebAssembly?: WasmNamespace;
  Worker?: new (url: string) => BrowserWorker;
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

export const globals = globalThis as unknown as Globals;

/** WebAssembly, where the engine has it (platform.ts checks before anything calls this). */
export function webAssembly(): WasmNamespace {
  const api = globals.WebAssembly;
  if (api === undefined) throw new Error('this engine has no WebAssembly');
  return api;
}
