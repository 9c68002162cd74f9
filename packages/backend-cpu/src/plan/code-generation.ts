let allowed: boolean | undefined;

/**
 * Whether this environment runs code made from strings: a page under a
 * Content-Security-Policy without 'unsafe-eval' (or Node started with
 * --disallow-code-generation-from-strings) throws EvalError. Probed once.
 */
export function codeGenerationAllowed(): boolean {
  allowed ??= probeCodeGeneration();
  return allowed;
}

/** The probe itself, unremembered (tests stub Function to see both answers). */
export function probeCodeGeneration(): boolean {
  try {
    return new Function('return 1')() === 1;
  } catch (error) {
    if (error instanceof EvalError) return false;
    throw error;
  }
}
