/** Just enough of WebGPU's `navigator.gpu` to ask for an adapter, without its full types. */
interface WebGpuEntry {
  requestAdapter(): Promise<unknown>;
}

/**
 * Whether this browser gives WebGPU an adapter. It asks the browser directly,
 * without importing gpu.js: the page must not fetch gpu.js just to decide
 * which options to show. Chromium has `navigator.gpu` where it gives no
 * adapter (on Linux without --enable-unsafe-webgpu), so only an adapter
 * counts.
 */
export async function browserOffersWebGpu(): Promise<boolean> {
  const gpu = (navigator as { gpu?: WebGpuEntry }).gpu;
  if (gpu === undefined) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

/**
 * Enables the WebGPU choice in the backend select where the browser offers
 * WebGPU; elsewhere it stays hidden and disabled (a link asking for it still
 * selects it, and the trainer falls back and says why). Marks the body with
 * the answer (`data-webgpu`), for tests.
 */
export async function offerWebGpuOption(select: HTMLSelectElement): Promise<void> {
  const option = select.querySelector<HTMLOptionElement>('option[value="gpujs-webgpu"]');
  if (option === null) throw new Error('page: the backend select has no gpujs-webgpu option');
  option.disabled = true;
  option.hidden = true;
  const offered = await browserOffersWebGpu();
  option.disabled = !offered;
  option.hidden = !offered;
  document.body.dataset.webgpu = offered ? 'offered' : 'absent';
}
