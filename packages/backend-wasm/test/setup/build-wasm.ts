import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Tests run against src/, which loads dist/wasm: build the modules when they are missing or older than assembly/. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build-wasm.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
