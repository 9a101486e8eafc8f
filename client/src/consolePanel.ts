// The Cypher console: read-only queries against POST /cypher. The server refuses writes; the panel
// shows the refusal's code and message rather than hiding it.
import { downloadCsv } from './download.js';
import { ApiError, cypher, type CypherResult } from './api.js';
import { h, replace } from './dom.js';
import { errorCodeText, getLang, t } from './i18n.js';

interface Example {
  en: string;
  zh: string;
  query: string;
}

const EXAMPLES: Example[] = [
  {
    en: 'R1 and o1 price facts',
    zh: 'R1 与 o1 的价格数据',
    query: `MATCH (m:Entity)-[:HAS_FACT]->(f:Fact)
WHERE m.id IN ['deepseek-r1', 'openai-o1'] AND f.metric STARTS WITH 'price'
RETURN m.name AS model, f.metric AS metric, f.value AS value, f.unit AS unit, f.status AS status
ORDER BY model, metric`,
  },
  {
    en: 'Entities per chapter',
    zh: '各章节涉及的实体数',
    query: `MATCH (:Episode)-[:HAS_CHAPTER]->(c:Chapter)
OPTIONAL MATCH (e:Entity)-[:DISCUSSED_IN]->(c)
RETURN c.index AS index, c.title AS chapter, count(e) AS entities
ORDER BY index`,
  },
  {
    en: 'Models trained on H800s',
    zh: '在 H800 上训练的模型',
    query: `MATCH (m:Entity)-[r:TRAINED_ON]->(c:Entity)
WHERE c.id CONTAINS 'h800'
RETURN m, r, c`,
  },
  {
    en: 'What the export controls restrict',
    zh: '出口管制限制了什么',
    query: `MATCH (p:Policy)-[r:RESTRICTS]->(x:Entity)
RETURN p, r, x`,
  },
  {
    en: 'Path from ASML to DeepSeek',
    zh: '从 ASML 到 DeepSeek 的路径',
    query: `MATCH (a:Entity {id: 'asml'}), (b:Entity {id: 'deepseek'})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN p`,
  },
  {
    en: 'Most connected entities',
    zh: '连接最多的实体',
    query: `MATCH (e:Entity)-[r]-(:Entity)
RETURN e.name AS entity, e.kind AS kind, count(r) AS degree
ORDER BY degree DESC LIMIT 15`,
  },
  {
    en: 'A write (refused)',
    zh: '写入(会被拒绝)',
    query: `CREATE (n:Entity {id: 'nope'}) RETURN n`,
  },
];

const KEYWORDS = /\b(MATCH|OPTIONAL|WHERE|RETURN|WITH|ORDER BY|ORDER|BY|LIMIT|UNWIND|CALL|AS|AND|OR|NOT|IN|DESC|ASC|DISTINCT|CREATE|MERGE|DELETE|SET|REMOVE|DETACH|CASE|WHEN|THEN|ELSE|END|COUNT|COLLECT|CONTAINS|STARTS|ENDS)\b/g;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(cell).join(', ');
  const o = v as { __type?: string; properties?: Record<string, unknown>; type?: string; labels?: string[]; nodes?: unknown[] };
  if (o.__type === 'node') return String(o.properties?.name ?? o.properties?.title ?? o.properties?.id ?? o.labels?.join(':') ?? 'node');
  if (o.__type === 'relationship') return `:${o.type ?? ''}`;
  if (o.__type === 'path') return t('pathCell', { n: (o.nodes ?? []).length });
  return JSON.stringify(v);
}

export interface ConsoleHost {
  merge(graph: CypherResult['graph']): number;
}

export class ConsolePanel {
  private readonly editor: HTMLTextAreaElement;
  private readonly mirror: HTMLElement;
  private readonly out: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly runButton: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly host: ConsoleHost,
  ) {
    this.select = h('select', { id: 'console-examples', 'aria-label': t('consoleExamples'), onchange: () => this.loadExample() });
    this.editor = h('textarea', { id: 'console-editor', spellcheck: 'false', rows: 8, 'aria-label': t('consoleEditor') });
    this.mirror = h('pre', { class: 'console-mirror', 'aria-hidden': 'true' });
    this.runButton = h('button', { type: 'submit', id: 'console-run' }, t('consoleRun'));
    this.out = h('div', { id: 'console-result', 'aria-live': 'polite' });
    this.editor.addEventListener('input', () => this.highlight());
    this.editor.addEventListener('scroll', () => {
      this.mirror.scrollTop = this.editor.scrollTop;
      this.mirror.scrollLeft = this.editor.scrollLeft;
    });
    this.editor.addEventListener('keydown', (ev) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
        ev.preventDefault();
        void this.run();
      }
    });
    replace(
      root,
      h(
        'form',
        {
          class: 'console-form',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            void this.run();
          },
        },
        h('label', { for: 'console-examples', 'data-i18n': 'consoleExamples' }, t('consoleExamples')),
        this.select,
        h('label', { for: 'console-editor', 'data-i18n': 'consoleEditor' }, t('consoleEditor')),
        h('div', { class: 'editor-wrap' }, this.mirror, this.editor),
        h('div', { class: 'actions' }, this.runButton, h('span', { class: 'muted small' }, 'Ctrl+Enter')),
      ),
      this.out,
    );
    this.renderExamples();
    this.loadExample();
  }

  renderExamples(): void {
    const selected = this.select.selectedIndex;
    const zh = getLang() === 'zh';
    replace(this.select, EXAMPLES.map((ex, i) => h('option', { value: i }, zh ? ex.zh : ex.en)));
    this.select.selectedIndex = Math.max(selected, 0);
    this.select.setAttribute('aria-label', t('consoleExamples'));
    this.editor.setAttribute('aria-label', t('consoleEditor'));
    this.runButton.textContent = t('consoleRun');
  }

  private loadExample(): void {
    const ex = EXAMPLES[this.select.selectedIndex] ?? EXAMPLES[0]!;
    this.editor.value = ex.query;
    this.highlight();
  }

  private highlight(): void {
    // Text nodes and <b> only: the query is user input and must never become markup.
    const text = this.editor.value;
    const parts: (Node | string)[] = [];
    let last = 0;
    for (const m of text.matchAll(KEYWORDS)) {
      parts.push(text.slice(last, m.index));
      parts.push(h('b', {}, m[0]));
      last = m.index + m[0].length;
    }
    parts.push(`${text.slice(last)}\n`);
    replace(this.mirror, ...parts);
  }

  async run(): Promise<void> {
    this.runButton.disabled = true;
    this.runButton.textContent = t('consoleRunning');
    try {
      const r = await cypher(this.editor.value);
      const merged = this.host.merge(r.graph);
      replace(
        this.out,
        h(
          'p',
          { class: 'muted small' },
          `${r.rows.length} ${t('consoleRows')}${r.truncated ? ` (${t('consoleTruncated')})` : ''}${r.elapsedMs !== undefined ? ` · ${r.elapsedMs} ms` : ''} · ${merged} ${t('consoleMerged')} · `,
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              id: 'console-csv',
              onclick: () => downloadCsv('ai-industry-graph-console.csv', r.columns.map((c) => ({ name: c, value: (row: Record<string, unknown>) => cell(row[c]) })), r.rows),
            },
            t('consoleCsv'),
          ),
        ),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'result-table' },
            h('thead', {}, h('tr', {}, r.columns.map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, r.rows.map((row) => h('tr', {}, r.columns.map((c) => h('td', {}, cell(row[c])))))),
          ),
        ),
      );
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'ERROR';
      const message = err instanceof Error ? err.message : String(err);
      // The code's explanation in the interface language; the server's own words (English) stay available.
      const explained = errorCodeText(code);
      replace(
        this.out,
        h(
          'div',
          { class: 'message error refusal', role: 'alert' },
          h('strong', { class: 'error-code' }, `${t('refused')} · ${code}`),
          explained ? h('div', {}, explained) : h('div', {}, message),
          explained ? h('details', { class: 'server-message' }, h('summary', {}, t('serverMessage')), h('div', { lang: 'en' }, message)) : null,
        ),
      );
    } finally {
      this.runButton.disabled = false;
      this.runButton.textContent = t('consoleRun');
    }
  }
}
