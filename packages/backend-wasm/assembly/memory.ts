// Element i of an array of T at byte offset `ptr`: tensors are plain row-major runs of T.

export function at<T>(ptr: usize, i: i32): T {
  return load<T>(ptr + ((<usize>i) << alignof<T>()));
}

export function put<T>(ptr: usize, i: i32, value: T): void {
  store<T>(ptr + ((<usize>i) << alignof<T>()), value);
}

/** Reads element i as f64: element-wise kernels compute in f64 and round once when they store. */
export function get64<T>(ptr: usize, i: i32): f64 {
  return <f64>load<T>(ptr + ((<usize>i) << alignof<T>()));
}

export function set64<T>(ptr: usize, i: i32, value: f64): void {
  store<T>(ptr + ((<usize>i) << alignof<T>()), <T>value);
}
