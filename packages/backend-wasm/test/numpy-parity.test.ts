import { readdirSync, readFileSync } from 'node:fs';
import { describeNumpyParity } from '@nn/conformance';
import { createWasmBackend } from '../src/index.js';

// Fixtures made by `bash tools/fixtures/make-fixtures.sh` from the book's NumPy code.
const dir = new URL('../../core/test/fixtures/', import.meta.url);
const fixtures = new Map(
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown]),
);

describeNumpyParity('float64 wasm', () => createWasmBackend({ threads: 1 }), fixtures);
