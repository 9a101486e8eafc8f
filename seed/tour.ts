// The guided tour (tour/*.yaml): a caption in both languages and the entities to open on, for each
// chapter. Checked against the episode's chapters and the entities, then attached to the chapter records
// so it is loaded, fingerprinted and served with them.
import { parseWith, type Checks } from './issues.js';
import type { SourceEntry } from './read.js';
import { tourStepSchema } from './schema.js';

export function checkTour(list: SourceEntry[], checks: Checks): void {
  const ep = checks.ep;
  if (!ep || list.length === 0) return;
  const seen = new Map<string, SourceEntry>();
  // Chapters named by a broken step count as covered: one error per mistake, not two.
  const named = new Set<string>();
  for (const src of list) {
    const raw = (src.value ?? {}) as { chapter?: unknown };
    if (typeof raw.chapter === 'string') named.add(raw.chapter);
    const step = parseWith(tourStepSchema, src, checks.errors);
    if (!step) continue;
    const at = (field: string) => ({ file: src.file, line: src.lineOf?.([field]) ?? src.line, entry: `"${step.chapter}"`, field });
    const chapter = ep.record.chapters.find((c) => c.id === step.chapter);
    if (!chapter) {
      checks.errors.push({ ...at('chapter'), message: `unknown chapter "${step.chapter}" (see episode.yaml)` });
      continue;
    }
    const earlier = seen.get(step.chapter);
    if (earlier) {
      checks.errors.push({ ...at('chapter'), message: `chapter "${step.chapter}" already has a tour step at ${earlier.file}:${earlier.line}` });
      continue;
    }
    seen.set(step.chapter, src);
    if (checks.entitiesComplete)
      step.focus.forEach((e, i) => {
        if (!checks.entityKinds.has(e)) checks.errors.push({ ...at(`focus.${i}`), message: `unknown entity "${e}"` });
      });
    chapter.caption = step.caption.en;
    chapter.captionZh = step.caption.zh;
    chapter.focus = step.focus;
  }
  // A tour that skips a chapter would jump in the episode; once there is a tour it covers every chapter.
  const first = list[0]!;
  for (const c of ep.record.chapters)
    if (!named.has(c.id)) checks.errors.push({ file: first.file, line: first.line, entry: `"${c.id}"`, field: 'chapter', message: `chapter "${c.id}" has no tour step` });
}
