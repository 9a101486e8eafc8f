// The entity request the benchmark measures, fixed as it was when its best-Cypher floor (floors.ts) was
// written, so floor and API answer the same question run after run. The explorer's live entity query has
// grown since (dated claims, labels from the API, evidence sources): the explorer bench measures that one.
const NODE_FIELDS = 'id kind name labelZh: label(lang: ZH) firstMentionSeconds dates { founded released announced effective published }';
const EVIDENCE = 'evidence { chapter chapterZh: chapter(lang: ZH) timestamp atSeconds speakerName note noteZh: note(lang: ZH) url }';
const FACT_FIELDS = 'id metric display unit value valueMax approximate status qualifier qualifierZh: qualifier(lang: ZH) asOf';
const END = 'id name labelZh: label(lang: ZH) kind';
const REL_FIELDS = `id type labelEn: label(lang: EN) labelZh: label(lang: ZH) since until status source { ${END} } target { ${END} } ${EVIDENCE}`;

export const BENCH_ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    ${NODE_FIELDS}
    nameZh aliases wikidata firstMentionUrl degree
    summary summaryZh: summary(lang: ZH)
    facts { ${FACT_FIELDS} ${EVIDENCE} }
    relationships { ${REL_FIELDS} }
  }
}`;
