// What a thing is called in a language: one rule for the GraphQL labels and every name the explorer
// shows (panels, search, canvas, tour, timeline, path, compare).
export type NameLang = 'en' | 'zh';

/** The Chinese text in Chinese where there is one (a name, a title), else the English. */
export function inLang(lang: NameLang, en: string, zh: string | null | undefined): string {
  return lang === 'zh' && zh ? zh : en;
}

/**
 * A kind's name from its vocabulary entry. The English entry may be a definition, "Organization (lab,
 * agency, fund)": the name is the part before the brackets. Without an entry: the id in sentence case.
 */
export function kindName(lang: NameLang, kind: string, entry?: { en: string; zh: string } | null): string {
  if (!entry) return kind.charAt(0) + kind.slice(1).toLowerCase();
  return lang === 'zh' ? entry.zh : entry.en.replace(/\s*\(.*\)$/, '');
}
