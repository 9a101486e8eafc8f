// The interface language: UI strings (strings.en.ts, strings.zh.ts, and a few features' own tables,
// all looked up by `lookup`) and the words the API does not carry (claim statuses, error codes).
// Entity and relationship names come from the API in both languages.
import { inLang } from '../../core/domain/names.js';
import type { ClaimStatus } from '../../core/generated/schema.js';
import { en } from './strings.en.js';
import { zh } from './strings.zh.js';

export type Lang = 'en' | 'zh';

export type Key = keyof typeof en;

/** The vocabulary describes its statuses but does not name them: the names live here, one per status of the schema. */
const STATUS_NAMES: Record<Lang, Record<ClaimStatus, string>> = {
  en: { STATED: 'stated', ESTIMATE: 'estimate', DISPUTED: 'disputed', FORECAST: 'forecast' },
  zh: { STATED: '陈述', ESTIMATE: '估计', DISPUTED: '有争议', FORECAST: '预测' },
};

let lang: Lang = 'en';
// Panels outside the store (the centrality panel) re-render on a language switch.
const listeners: (() => void)[] = [];

export const getLang = (): Lang => lang;
export function setLang(next: Lang): void {
  if (next === lang) return;
  lang = next;
  // Unit tests run without a document.
  if (typeof document !== 'undefined') document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((fn) => fn());
}
export function onLangChange(fn: () => void): void {
  listeners.push(fn);
}
export function defaultLang(): Lang {
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type Vars = Record<string, string | number>;

/** One feature's words in both languages, the same keys in each (checked by the compiler and i18n.test.ts). */
export interface Strings<K extends string> {
  en: Record<K, string>;
  zh: Record<K, string>;
}

/** The one lookup of interface words: in the language current at the call, with {name} placeholders filled. */
export function lookup<K extends string>(strings: Strings<K>): (key: K, vars?: Vars) => string {
  return (key, vars = {}) => (strings[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export const STRINGS: Strings<Key> = { en, zh };
export const t = lookup(STRINGS);
/** What an error code means, for codes the user can act on; null: show the server's own message. */
const ERROR_CODES: Record<Lang, Record<string, string>> = {
  en: {},
  zh: {
    READ_ONLY: '控制台只读:查询不能写入或修改数据。',
    BAD_USER_INPUT: '查询有误,请检查 Cypher 语法和参数。',
    QUERY_TIMEOUT: '查询运行超时已被停止:请加 LIMIT 或缩小 MATCH 范围。',
    MEMORY_LIMIT: '查询超出内存上限:请缩小查询范围。',
    TRANSACTION_TERMINATED: '查询事务已被终止。',
    SERVICE_UNAVAILABLE: '数据库暂时无法连接。',
    NOT_FOUND: '未找到。',
    PAYLOAD_TOO_LARGE: '请求过大。',
    INTERNAL_SERVER_ERROR: '服务器内部错误。',
  },
};
export const errorCodeText = (code: string): string | null => ERROR_CODES[lang][code] ?? null;

export const statusName = (s: string | null | undefined): string => (s ? (STATUS_NAMES[lang][s as ClaimStatus] ?? s.toLowerCase()) : '');

/** An entity's name in the interface language; `labelZh` is the API's `label(lang: ZH)`. */
export const entityName = (e: { name: string; labelZh?: string | null }): string => inLang(lang, e.name, e.labelZh);

/** Re-labels every element carrying data-i18n / data-i18n-label / data-i18n-placeholder. */
export function applyStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as Key));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle as Key);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as Key);
  });
}
