import type { TrainerEvent, TrainerRequest } from './protocol.js';

export type TrainerThread = 'worker' | 'main';

export interface TrainerConnection {
  thread: TrainerThread;
  send(request: TrainerRequest): void;
}

/**
 * Starts the trainer in a module worker where the browser can run gpu.js
 * there (OffscreenCanvas), else on the main thread in slices short enough
 * that input is never blocked for long.
 */
export async function connectTrainer(
  onEvent: (event: TrainerEvent) => void,
  thread: TrainerThread = typeof OffscreenCanvas === 'undefined' ? 'main' : 'worker',
): Promise<TrainerConnection> {
  if (thread === 'worker') {
    const worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (message: MessageEvent<TrainerEvent>) => onEvent(message.data);
    worker.onerror = (error) => {
      onEvent({ type: 'failure', code: null, message: `trainer worker: ${error.message}` });
    };
    return { thread, send: (request) => worker.postMessage(request) };
  }
  const { Trainer } = await import('./trainer.js');
  // 8 ms slices plus the page's own work stay well inside a 50 ms input delay;
  // gpu.js's kernel calls too, so its kernel compiles come one per task.
  const trainer = new Trainer(onEvent, { sliceMs: 8, kernelSliceMs: 8 });
  return { thread, send: (request) => void trainer.handle(request) };
}
