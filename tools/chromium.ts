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
