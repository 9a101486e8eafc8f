// The minimal dataset with cited pages beside the episode: a reference fact, reference dates, and a
// relationship holding both kinds of evidence. Real reference data comes from seed/data once merged.
import type { Dataset } from '../../core/domain/types.js';
import { readDataset } from '../../seed/dataset.js';
import { copyOf, MINIMAL, replaceIn, writeBytes } from '../../seed/testing.js';

export const WIKI = 'https://www.wikidata.org/wiki/Q1';
const cited = (note: string, zh: string) => `{ source: reference, url: "${WIKI}", publisher: Wikidata, note: "${note}", noteZh: "${zh}" }`;

export function referenceFixture(): Dataset {
  const dir = copyOf(MINIMAL, (d) => {
    writeBytes(d, 'facts/reference.yaml', `- id: widget-1--power-capacity--reference\n  subject: widget-1\n  metric: power_capacity\n  value: 750\n  unit: W\n  evidence:\n    - ${cited('The page lists 750 watts.', '该页面列出 750 瓦。')}\n`);
    writeBytes(d, 'dates/reference.yaml', `- entity: widget-1\n  key: released\n  value: 2024-12-02\n  evidence:\n    - ${cited('The page gives 2 December 2024.', '该页面记载为 2024 年 12 月 2 日。')}\n- entity: acme\n  key: founded\n  value: "1999"\n  evidence:\n    - ${cited('The page gives 1999 as the founding year.', '该页面记载成立于 1999 年。')}\n`);
    replaceIn(d, 'relationships/all.yaml', 'noteZh: Acme 设计了该部件。 }', `noteZh: Acme 设计了该部件。 }\n    - ${cited('The page names Acme as the designer.', '该页面称 Acme 为设计方。')}`);
  });
  const r = readDataset(dir);
  if (!r.ok) throw new Error(`the reference fixture is invalid: ${JSON.stringify(r.errors)}`);
  return r.dataset;
}
