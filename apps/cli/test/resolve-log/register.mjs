// node --import this file: every module the process resolves is appended to $NN_RESOLVE_LOG.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
