// Evidence items checked against the episode (second, speaker, chapter) and the vocabulary (source),
// and the rule that a fact or a date holds one kind of evidence only: what the episode says and what a
// cited page states are separate claims, never merged into one.
import type { ChapterRecord, Evidence, EvidenceSource } from '../server/domain/types.js';
import type { SourceEntry } from './read.js';
import { evidenceSchema, type EvidenceInput } from './schema.js';
import { has, validItems, type At, type Checks } from './issues.js';

function chapterAt(chapters: ChapterRecord[], at: number): ChapterRecord | undefined {
  let found: ChapterRecord | undefined;
  for (const c of chapters) if (c.startSeconds <= at) found = c;
  return found;
}

export const sourceOf = (ev: EvidenceInput): string => ev.source ?? 'episode';

function checkOneEvidence(checks: Checks, at: At, field: string, ev: EvidenceInput): ChapterRecord | undefined {
  const push = (f: string, message: string) => checks.errors.push({ ...at, field: `${field}.${f}`, message });
  const sources = checks.vocab?.evidenceSources;
  if (sources && !has(sources, sourceOf(ev))) push('source', `unknown evidence source "${sourceOf(ev)}"; allowed: ${Object.keys(sources).join(', ')}`);
  const ep = checks.ep;
  if (!ep || sourceOf(ev) !== 'episode' || ev.at === undefined || ev.speaker === undefined) return undefined;
  if (!ep.speakers.has(ev.speaker)) push('speaker', `unknown speaker "${ev.speaker}"; allowed: ${[...ep.speakers].join(', ')}`);
  const end = ep.record.durationSeconds;
  if (ev.at > end) push('at', `${ev.at} s is past the episode's end (${end} s)`);
  const chapter = chapterAt(ep.record.chapters, ev.at);
  if (ev.chapter && !ep.chapterIds.has(ev.chapter)) push('chapter', `unknown chapter "${ev.chapter}"`);
  else if (ev.chapter && chapter && ev.chapter !== chapter.id) push('chapter', `says "${ev.chapter}" but ${ev.at} s is in "${chapter.id}"`);
  return chapter;
}

function toEvidence(ev: EvidenceInput, chapter: ChapterRecord | undefined): Evidence {
  if (sourceOf(ev) === 'reference')
    return { source: 'reference', chapter: '', atSeconds: null, speaker: null, note: ev.note, noteZh: ev.noteZh, url: ev.url ?? null, publisher: ev.publisher ?? null };
  return { source: 'episode', chapter: chapter?.id ?? '', chapterTitle: chapter?.title, atSeconds: ev.at ?? null, speaker: ev.speaker ?? null, note: ev.note, noteZh: ev.noteZh };
}

/** The evidence items that parsed (all of them when the entry did), checked against the episode. */
export function checkEvidence(checks: Checks, at: At, src: SourceEntry, parsed: EvidenceInput[] | undefined): Evidence[] {
  const items: [number, EvidenceInput][] = parsed
    ? parsed.map((ev, i) => [i, ev])
    : validItems(evidenceSchema, (src.value as { evidence?: unknown } | null)?.evidence);
  return items.map(([i, ev]) => toEvidence(ev, checkOneEvidence(checks, at, `evidence.${i}`, ev)));
}

/**
 * A fact or a date states one figure from one kind of source. The kind of the first item decides;
 * every item of the other kind is refused, so that the reader sees which to move to an entry of its own.
 */
export function checkOneSource(checks: Checks, at: At, what: 'fact' | 'date', src: SourceEntry, hint: string): EvidenceSource | null {
  const items = validItems(evidenceSchema, (src.value as { evidence?: unknown } | null)?.evidence);
  const first = items[0];
  if (!first) return null;
  const kind = sourceOf(first[1]);
  for (const [i, ev] of items) {
    const other = sourceOf(ev);
    if (other === kind) continue;
    checks.errors.push({
      ...at,
      field: `evidence.${i}.source`,
      message: `${other} evidence merged into ${kind === 'episode' ? 'an' : 'a'} ${kind} ${what}: a ${what} holds one kind of evidence; ${hint}`,
    });
  }
  return kind === 'reference' ? 'reference' : 'episode';
}
