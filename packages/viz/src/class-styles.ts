/**
 * How the classification chart tells the book's two classes apart: a dark
 * marker colour for the points, and the light tint the decision surface
 * fades to where the network is sure (light, so markers stay visible on it).
 * Blue and orange as in TensorFlow Playground; they stay apart for the
 * common colour-vision deficiencies.
 */
export const CLASS_STYLES = [
  { label: 'class 1', pointStyle: 'cross', marker: '#1460a8', tint: [160, 198, 232] },
  { label: 'class 2', pointStyle: 'crossRot', marker: '#c2500a', tint: [250, 196, 150] },
] as const;
