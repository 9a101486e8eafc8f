// The command line of `npm run bench` (see run.ts for what each part measures).
export const PARTS = ['load', 'api', 'client', 'memory'] as const;
export type Part = (typeof PARTS)[number];

export function parseArgs(argv: string[]) {
  const parts: Part[] = [];
  let from: string | null = null;
  let quick = false;
  let name: string | null = null;
  let readme = false;
  let big = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((PARTS as readonly string[]).includes(a)) parts.push(a as Part);
    else if (a === '--quick') quick = true;
    else if (a === '--readme') readme = true;
    else if (a === '--no-big') big = false;
    else if (a === '--name' && argv[i + 1]) name = argv[++i]!;
    else if (a === '--from' && argv[i + 1]) from = argv[++i]!;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [load] [api] [client] [memory] [--quick] [--no-big] [--name NAME] [--readme]');
      console.log('       npm run bench -- --from bench/results/NAME.json [--readme]   (re-evaluate and print a stored result)');
      process.exit(0);
    } else throw new Error(`unknown argument "${a}" (try --help)`);
  }
  const chosen = parts.length ? [...new Set(parts)] : [...PARTS];
  return { parts: chosen, quick, name, from, readme: readme || (chosen.length === PARTS.length && !quick && !from), big: big && !quick };
}
