/**
 * How every browser test and benchmark here starts Chromium: Debian's
 * /usr/bin/chromium (CHROMIUM_PATH overrides; no browser is ever downloaded),
 * headless, with the background services off — on a closed network they
 * would only fail to connect.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium offers WebGPU on Linux only behind this flag; with it, headless
 * Chromium answers with its SwiftShader (CPU) adapter, so WebGPU code runs
 * here without a GPU. Launches that test WebGPU add it; the others leave
 * it out, so they see a browser without WebGPU, as most Linux users do.
 */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu'];
