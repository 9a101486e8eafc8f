// The server's helper processes (layout, console, centrality) are modules beside their caller: from the
// bundle (dist/app/main.mjs, built by `npm run build:server`) a sibling .mjs entry, from TypeScript
// (tsx, vitest) the .ts source run with tsx.
import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function forkSibling(callerUrl: string, name: string, opts: ForkOptions = {}): ChildProcess {
  const fromSource = callerUrl.endsWith('.ts');
  const file = fileURLToPath(new URL(`./${name}${fromSource ? '.ts' : '.mjs'}`, callerUrl));
  return fork(file, [], { ...opts, execArgv: fromSource ? ['--import', 'tsx'] : [] });
}
