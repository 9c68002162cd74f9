export { startXvfb, type XvfbServer } from './start-xvfb.js';
