import { describe, expect, it } from 'vitest';
import { createNnMlp, HandWrittenMlp, MLP, mlpStepFlops, mlpWorkload } from '../src/index.js';
import { stepErrorBounds, worstRatio } from './mlp-step-bounds.js';

describe('the MLP benchmark compares runs that do the same math', () => {
  const workload = mlpWorkload();
  const reference = new HandWrittenMlp(workload, Float64Array);
  const referenceLoss = reference.step();
  const bounds = stepErrorBounds(workload, reference);
  const names = ['w1', 'b1', 'w2', 'b2'] as const;

  it('one float32 step of the hand-written loop lands within float32 rounding of the float64 step', () => {
    const hand = new HandWrittenMlp(workload);
    const loss = hand.step();
    for (const name of names) {
      expect(worstRatio(hand[name], reference[name], bounds[name]), name).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(loss - referenceLoss)).toBeLessThanOrEqual(bounds.loss);
  });

  it('one @nn backend-cpu float32 session epoch (one batch of 64) lands there too', async () => {
    const session = createNnMlp(workload, 1);
    const [report] = await session.run();
    const { backend } = session.network;
    const values = await Promise.all(
      session.network.parameters().map((p) => backend.read(p.value)),
    );
    session.dispose();
    session.network.dispose();
    names.forEach((name, i) => {
      expect(
        worstRatio(values[i] as ArrayLike<number>, reference[name], bounds[name]),
        name,
      ).toBeLessThanOrEqual(1);
    });
    // The session reports the loss per sample.
    expect(Math.abs((report?.error as number) * MLP.batch - referenceLoss)).toBeLessThanOrEqual(
      bounds.loss,
    );
  });

  it('the bounds are tight enough to tell a step at 1.1 × eta apart', () => {
    for (const name of ['w1', 'w2'] as const) {
      const before = workload[name];
      const nudged = reference[name].map((v, i) => v + 0.1 * (v - (before[i] as number)));
      expect(worstRatio(nudged, reference[name], bounds[name]), name).toBeGreaterThan(1);
    }
  });

  it('a step counts the flops of five products: two of the first layer, three of the second', () => {
    const { inputs, hidden, outputs, batch } = MLP;
    expect(mlpStepFlops()).toBe(2 * batch * hidden * (2 * inputs + 3 * outputs));
  });
});
