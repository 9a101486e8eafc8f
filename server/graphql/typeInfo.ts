/** A vocabulary relationship type with its count, before the label is chosen by language. */
export interface RelationshipTypeInfoOut {
  type: string;
  en: string;
  zh: string;
  description: string;
  count: number;
}
