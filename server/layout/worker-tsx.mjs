// Worker threads do not inherit tsx's loader: when the server runs from TypeScript (npm run dev,
// tests), this plain module registers it and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
