// Kind names from the server's vocabulary, in the interface language.
import type { Vocabulary } from './api.js';
import { getLang } from './i18n.js';

let vocab: Vocabulary | null = null;

export function setVocabulary(v: Vocabulary | null): void {
  vocab = v;
}

export function kindName(kind: string): string {
  const k = vocab?.kinds[kind];
  if (!k) return kind.charAt(0) + kind.slice(1).toLowerCase();
  // "Organization (lab, agency, fund)" is a definition; the name is the part before the brackets.
  return getLang() === 'zh' ? k.zh : k.en.replace(/\s*\(.*\)$/, '');
}
