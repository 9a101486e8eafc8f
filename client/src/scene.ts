// The page's one canvas and its stage (what of the loaded graph is shown). The canvas follows the
// store through canvasSync.ts; commands (views.ts, selectionFlow.ts) place and mark nodes on it.
import { Canvas } from './graph.js';
import { byId } from './dom.js';
import { Stage } from './stage.js';

export const canvas = new Canvas(byId('cy'));
export const stage = new Stage(canvas.cy);
