import shared from '../../tools/vitest.shared.ts';

// The deliberately broken backends of test/broken, run only by
// test/broken-backends.test.ts, which checks that the suite fails each one.
export default { ...shared, test: { ...shared.test, include: ['test/broken/*.broken.ts'] } };
