import { isTrainerRequest } from './protocol.js';
import { Trainer } from './trainer.js';

// The trainer's home: a module worker, so training never blocks the page.
// gpu.js finds OffscreenCanvas (WebGL) and navigator.gpu (WebGPU) here, off the main thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const trainer = new Trainer((event) => scope.postMessage(event));

scope.onmessage = (message: MessageEvent<unknown>) => {
  if (isTrainerRequest(message.data)) {
    void trainer.handle(message.data);
  } else {
    scope.postMessage({
      type: 'failure',
      code: null,
      message: `trainer: unknown request ${JSON.stringify(message.data)}`,
    });
  }
};
