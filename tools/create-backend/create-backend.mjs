#!/usr/bin/env node
// pnpm create-backend <name>: scaffolds packages/backend-<name> (see the
// "Write a backend" guide in packages/conformance/README.md).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffold, UsageError } from './src/scaffold.mjs';

const USAGE = `usage: pnpm create-backend <name>

Scaffolds packages/backend-<name> (@nn/backend-<name>): storage on Float64Array,
a stub for every required kernel, the conformance test, a descriptor for the
apps and a changeset. <name>: lowercase letters, digits and dashes.`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else {
  try {
    if (args.length !== 1) throw new UsageError('give exactly one name');
    const name = /** @type {string} */ (args[0]);
    const { files } = scaffold(root, name);
    console.log(nextSteps(name, files));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${USAGE}\n\ncreate-backend: ${error.message}`);
    process.exitCode = 2;
  }
}

/**
 * What was written and what to do next.
 * @param {string} name
 * @param {string[]} files
 */
function nextSteps(name, files) {
  const dir = `packages/backend-${name}`;
  return `Wrote:
${files.map((file) => `  ${file}`).join('\n')}

Next:
  1. pnpm install                  links @nn/backend-${name} into the workspace
  2. pnpm --filter @nn/backend-${name} test
                                   the conformance suite: it fails kernel by kernel (NN_KERNEL_MISSING)
  3. write the kernels in ${dir}/src/${name}-driver.ts, until the suite passes;
     each stub carries its contract, from packages/core/src/kernels.ts
  4. set capabilities in ${name}-driver.ts, and label, needs, options and probe() in
     ${dir}/src/descriptor.ts
  5. offer it in the apps: add '@nn/backend-${name}' to the list in apps/cli/src/backend-catalog.ts
     and in apps/web/src/backend-catalog.ts, and "@nn/backend-${name}": "workspace:^" to the
     dependencies of apps/cli and apps/web
The guide: "Write a backend" in packages/conformance/README.md.`;
}
