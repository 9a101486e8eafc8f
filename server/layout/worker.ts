// Runs computePositions off the main thread: a layout takes seconds of CPU, and the server must keep
// answering while it runs.
import { parentPort } from 'node:worker_threads';
import { computePositions, type LayoutInput } from './positions.js';

parentPort?.on('message', (input: LayoutInput) => {
  const positions = computePositions(input);
  parentPort?.postMessage([...positions]);
});
