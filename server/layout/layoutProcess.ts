// Runs computePositions in a child process: a layout takes seconds of CPU and, for thousands of nodes,
// tens of MB that a worker thread would leave in the server's own resident memory. The process lives
// for one queue of layouts and exits; its memory goes with it.
import { computePositions, type LayoutInput } from './positions.js';

process.on('message', (input: LayoutInput) => {
  const positions = computePositions(input);
  process.send?.([...positions]);
});
// The server going away closes the IPC channel: go with it.
process.on('disconnect', () => process.exit(0));
