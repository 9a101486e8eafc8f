// npx tsx seed/checks/speakers.ts <turns.tsv> [--data <dir>] [--slack <seconds>]
// Speaker check: every piece of episode evidence names who speaks at its second. The turns file
// (seed/data/notes/speaker-turns.tsv: "second<TAB>speaker", one line per turn start, no transcript text)
// says who holds the floor from each second on. An evidence item is a mismatch when its speaker is not
// the one at that second and not the one of any turn that starts or ends within the slack (default 5 s),
// because caption times and turn edges are only accurate to a few seconds.
// Exit code 1 when there is a mismatch, so the check can gate a commit.
import { readFileSync } from 'node:fs';
import { formatTimestamp } from '../../core/domain/format.js';
import type { Dataset, Evidence } from '../../core/domain/types.js';
import { DEFAULT_DATA_DIR, readDataset } from '../dataset.js';
import { formatError } from '../validate.js';

export interface Turn {
  second: number;
  speaker: string;
}

export interface Mismatch {
  item: string;
  kind: 'relationship' | 'fact';
  at: number;
  stated: string;
  heard: string[];
  note: string;
}

/** Parses "second<TAB>speaker" lines; a header line and blank lines are skipped. */
export function parseTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const [sec, speaker] = line.trim().split('\t');
    if (!sec || sec === 'second') return;
    const second = Number(sec);
    if (!Number.isInteger(second) || second < 0 || !speaker) {
      throw new Error(`turns file line ${i + 1}: expected "<second>\\t<speaker>"`);
    }
    turns.push({ second, speaker });
  });
  return turns.sort((a, b) => a.second - b.second);
}

/** Speakers holding the floor at any second in [at - slack, at + slack]. */
export function speakersNear(turns: Turn[], at: number, slack: number): string[] {
  const out = new Set<string>();
  let current: Turn | undefined;
  for (const t of turns) {
    if (t.second <= at - slack) current = t;
    else if (t.second <= at + slack) out.add(t.speaker);
    else break;
  }
  if (current) out.add(current.speaker);
  return [...out];
}

type Spoken = Evidence & { atSeconds: number; speaker: string };

function evidenceOf(d: Dataset): { item: string; kind: Mismatch['kind']; ev: Spoken }[] {
  const all: { item: string; kind: Mismatch['kind']; ev: Evidence }[] = [];
  for (const r of d.relationships) for (const ev of r.evidence) all.push({ item: r.id, kind: 'relationship', ev });
  for (const f of d.facts) for (const ev of f.evidence) all.push({ item: f.id, kind: 'fact', ev });
  // Reference evidence (a cited page, not a second of the episode) has no speaker to check.
  return all.filter((x): x is { item: string; kind: Mismatch['kind']; ev: Spoken } => typeof x.ev.atSeconds === 'number' && !!x.ev.speaker);
}

export function checkSpeakers(d: Dataset, turns: Turn[], slack = 5): { checked: number; mismatches: Mismatch[] } {
  const items = evidenceOf(d);
  const mismatches: Mismatch[] = [];
  for (const { item, kind, ev } of items) {
    const heard = speakersNear(turns, ev.atSeconds, slack);
    // "unknown" turns are ones the transcript leaves unlabelled and context does not settle: not a mismatch.
    if (heard.includes(ev.speaker) || heard.includes('unknown')) continue;
    mismatches.push({ item, kind, at: ev.atSeconds, stated: ev.speaker, heard, note: ev.note });
  }
  return { checked: items.length, mismatches };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const turnsPath = process.argv[2];
  if (!turnsPath || turnsPath.startsWith('--')) {
    console.error('usage: npx tsx seed/checks/speakers.ts <turns.tsv> [--data <dir>] [--slack <seconds>]');
    process.exit(2);
  }
  const result = readDataset(argValue('--data') ?? DEFAULT_DATA_DIR);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatError(e));
    process.exit(2);
  }
  const slack = Number(argValue('--slack') ?? 5);
  const { checked, mismatches } = checkSpeakers(result.dataset, parseTurns(readFileSync(turnsPath, 'utf8')), slack);
  for (const m of mismatches) {
    console.log(`${formatTimestamp(m.at)}\t${m.at}\t${m.kind}\t${m.item}\tstated=${m.stated}\theard=${m.heard.join(',')}\t${m.note}`);
  }
  console.log(`${checked} evidence items checked, ${mismatches.length} mismatches (slack ±${slack} s)`);
  process.exit(mismatches.length > 0 ? 1 : 0);
}

if (process.argv[1]?.endsWith('speakers.ts')) main();
