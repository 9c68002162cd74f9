import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastLine, lines, runNn, tempDir } from './run-nn.js';

describe.concurrent('nn predict with odd model files', () => {
  const dir = tempDir();
  const model = join(dir, 'model.json');
  let text = '';
  beforeAll(async () => {
    expect((await runNn(['train', '--epochs', '5', '--seed', '1', '--save', model])).code).toBe(0);
    text = readFileSync(model, 'utf8');
  });
  const variant = (
    name: string,
    edit: (json: { layers: { weights: number[][]; bias: number[] }[] }) => void,
  ) => {
    const json = JSON.parse(text);
    edit(json);
    writeFileSync(join(dir, name), JSON.stringify(json));
    return join(dir, name);
  };

  it('names a weight beyond float64 (1e400) as out of range, not as null (issue 13, 14)', async () => {
    const path = join(dir, 'overflow.json');
    writeFileSync(path, text.replace(/("weights": \[\s*\[\s*)[^,\s]+/, '$11e400'));
    expect(readFileSync(path, 'utf8')).toContain('1e400');
    const { code, stdout, stderr } = await runNn(['predict', '--model', path, '--x', '0.5']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lastLine(stderr)).toBe(
      'nn: model: layers[0].weights[0][0] is out of range (beyond ±1.8e308, the float64 limit); load a file written by toModelJSON / nn train --save',
    );
  });

  it('reads a model file that starts with a UTF-8 byte order mark, as CSV files are read (issue 13, 15)', async () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, `\uFEFF${text}`);
    const [withBom, without] = await Promise.all([
      runNn(['predict', '--model', path, '--x', '0.5']),
      runNn(['predict', '--model', model, '--x', '0.5']),
    ]);
    expect(withBom.code, withBom.stderr).toBe(0);
    expect(withBom.stdout).toBe(without.stdout);
    expect(lines(withBom.stdout)).toHaveLength(2);
  });

  it('fails, printing nothing, when an output is not finite (issue 13, 16)', async () => {
    const path = variant('huge.json', (json) => {
      const output = json.layers[1] as { weights: number[][] };
      output.weights = output.weights.map(() => [1.5e308]);
    });
    for (const json of [[], ['--json']]) {
      const { code, stdout, stderr } = await runNn([
        'predict',
        '--model',
        path,
        '--x',
        '0.1',
        '--x',
        '0.5',
        ...json,
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(lastLine(stderr)).toBe(
        `nn: ${path}: the output for x = 0.1 is Infinity, beyond float64's range: the model's weights or this input are too large`,
      );
    }
  });

  it('cuts a long value that the model check quotes to one short line', async () => {
    const path = variant('long-type.json', (json) => {
      (json.layers[0] as unknown as { type: string }).type = 'x'.repeat(1_000_000);
    });
    const { code, stderr } = await runNn(['predict', '--model', path, '--x', '0.5']);
    expect(code).toBe(1);
    const line = lastLine(stderr);
    // core's check cuts the value it quotes (the CLI would cut a longer line in the middle).
    expect(line).toMatch(
      /^nn: model: layers\[0\]\.type is "x+… \(1000002 characters\), not "dense"; load a file/,
    );
    expect(line.length).toBeLessThan(200);
  });

  it('refuses a file that is no model at its first character, without reading on (/dev/zero)', async () => {
    const { code, stderr } = await runNn(['predict', '--model', '/dev/zero', '--x', '1']);
    expect(code).toBe(1);
    expect(lastLine(stderr)).toBe(
      'nn: model: it starts with "\\u0000", not "{"; load a file written by toModelJSON / nn train --save',
    );
  });
});
