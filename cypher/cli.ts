// npm run cypher -- <file | saved query name | "literal cypher"> [--param k=v ...] [--format table|json|csv] [--max-rows n]
// Always a READ transaction: the CLI is for looking, `npm run seed` is the only writer.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadConfig } from '../core/config.js';
import { createExecutor } from '../core/db/executor.js';
import { provisionNeo4j, type ProvisionedNeo4j } from '../core/neo4j/provision.js';
import { formatRows, OUTPUT_FORMATS, rowCountLine, type OutputFormat } from './format.js';
import { coerceParam, findSavedQuery, listSavedQueries, mergeParams, parseSavedQuery, type ParamValue, type SavedQuery } from './savedQueries.js';
import { errorLine } from '../core/domain/errors.js';

const USAGE = `usage: npm run cypher -- <file | saved query name | "cypher"> [--param name=value ...] [--format table|json|csv] [--max-rows n]

  <file>         a .cypher file (a saved-query header is honoured: its params get their defaults)
  <name>         a saved query in cypher/queries, by name or number: 05-r1-o1-price-gap, 05, 5
  "cypher"       anything else runs as literal Cypher, read-only
  --param k=v    sets $k; numbers and true/false are converted, everything else stays text
  --format       table (default), json or csv
  --max-rows n   stop after n rows (default CONSOLE_ROW_CAP, 1000)

Connects to NEO4J_URI when set, else starts the local Neo4j runner for the duration of the query.`;

class UsageError extends Error {}

interface Args {
  target: string;
  params: Record<string, ParamValue>;
  format: OutputFormat;
  maxRows?: number;
}

function parseArgs(argv: string[]): Args | 'help' {
  let target: string | undefined;
  const params: Record<string, ParamValue> = {};
  let format: OutputFormat = 'table';
  let maxRows: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    // `--flag=value` and `--flag value` both work; npm users type either.
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--param' || flag === '-p') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new UsageError(`--param expects name=value, got "${kv}"`);
      params[kv.slice(0, eq)] = coerceParam(kv.slice(eq + 1));
    } else if (flag === '--format' || flag === '-f') {
      const f = value();
      if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${f}"`);
      format = f as OutputFormat;
    } else if (flag === '--max-rows') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--max-rows must be a whole number of at least 1');
      maxRows = n;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (target === undefined) target = a;
    else throw new UsageError(`unexpected argument "${a}" (quote literal Cypher as one argument)`);
  }
  if (target === undefined) throw new UsageError('nothing to run');
  return { target, params, format, maxRows };
}

interface Resolved {
  cypher: string;
  saved?: SavedQuery;
  origin: string;
}

function resolveTarget(target: string): Resolved {
  if (existsSync(target) && statSync(target).isFile()) {
    const source = readFileSync(target, 'utf8');
    // A file with a saved-query header brings its defaults; a bare .cypher file runs as it is.
    if (/^\s*\/\/\s*title\s*:/.test(source)) {
      const saved = parseSavedQuery(target, source);
      return { cypher: saved.cypher, saved, origin: target };
    }
    return { cypher: source.trim().replace(/;\s*$/, ''), origin: target };
  }
  const saved = findSavedQuery(listSavedQueries(), target);
  if (saved) return { cypher: saved.cypher, saved, origin: `cypher/queries/${saved.name}.cypher` };
  // A single word cannot be a Cypher query; treat it as a mistyped name rather than a syntax error.
  if (/^[\w.-]+$/.test(target)) {
    const names = listSavedQueries().map((q) => `  ${q.name}`).join('\n');
    throw new Error(`no file or saved query named "${target}"; saved queries:\n${names}`);
  }
  return { cypher: target, origin: 'literal Cypher' };
}

async function main(argv: string[]): Promise<number> {
  let args: Args | 'help';
  let resolved: Resolved;
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    resolved = resolveTarget(args.target);
  } catch (err) {
    console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : (err as Error).message);
    return 2;
  }

  const config = loadConfig(process.env);
  const params = mergeParams(resolved.saved, args.params);
  const log = (m: string): void => console.error(m);
  let neo4j: ProvisionedNeo4j;
  try {
    neo4j = await provisionNeo4j(config.neo4j, { purpose: 'start', log });
  } catch (err) {
    console.error(`cannot connect to Neo4j: ${(err as Error).message}`);
    if (!config.neo4j.uri) console.error('If a Neo4j is already running (e.g. under `npm start`), point at it: NEO4J_URI=bolt://127.0.0.1:7687');
    return 1;
  }
  const db = createExecutor(neo4j.connection, { queryTimeoutMs: config.queryTimeoutMs });
  try {
    if (resolved.saved) log(`${resolved.saved.name}: ${resolved.saved.title}`);
    if (Object.keys(params).length) log(`params: ${JSON.stringify(params)}`);
    const maxRows = args.maxRows ?? config.consoleRowCap;
    const { rows, keys, truncated } = await db.readWithSummary({ cypher: resolved.cypher, params }, { maxRows });
    console.log(formatRows(args.format, keys, rows));
    // The count goes to stderr for json/csv so the output stays machine-readable.
    (args.format === 'table' ? console.log : console.error)(`\n${rowCountLine(rows.length, truncated)}`);
    return 0;
  } catch (err) {
    const e = err as Error & { neo4jCode?: string };
    console.error(`query failed (${resolved.origin})${e.neo4jCode ? ` [${e.neo4jCode}]` : ''}: ${errorLine(err)}`);
    return 1;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`cypher failed: ${errorLine(err)}`);
    process.exit(1);
  },
);
