import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// The test scaffolds a backend into a copy of the repo and runs lint, typecheck and its suite there.
export default mergeConfig(shared, defineConfig({ test: { hookTimeout: 180_000 } }));
