// The typed relationship fields of each concrete entity type (Company.models, Model.trainedOn, ...),
// declared as data: relationship types, the direction seen from the entity, and the kinds kept.

export interface TypedField {
  types: string[];
  direction: 'OUT' | 'IN' | 'BOTH';
  kinds?: string[];
}

export const TYPED_FIELDS: Record<string, Record<string, TypedField>> = {
  Company: {
    models: { types: ['DEVELOPS'], direction: 'OUT', kinds: ['MODEL'] },
    chips: { types: ['DESIGNS'], direction: 'OUT', kinds: ['CHIP'] },
    fabricates: { types: ['FABRICATES'], direction: 'OUT' },
    people: { types: ['WORKS_AT', 'LEADS', 'FOUNDED'], direction: 'IN', kinds: ['PERSON'] },
    dataCenters: { types: ['OPERATES', 'BUILDS', 'OWNS'], direction: 'OUT', kinds: ['DATACENTER'] },
    competitors: { types: ['COMPETES_WITH'], direction: 'BOTH' },
  },
  Model: {
    developedBy: { types: ['DEVELOPS'], direction: 'IN' },
    trainedOn: { types: ['TRAINED_ON'], direction: 'OUT' },
    basedOn: { types: ['BASED_ON'], direction: 'OUT' },
    distilledFrom: { types: ['DISTILLED_FROM'], direction: 'OUT' },
    techniques: { types: ['USES_TECHNIQUE'], direction: 'OUT' },
    benchmarks: { types: ['EVALUATED_ON'], direction: 'OUT' },
  },
  Chip: {
    designedBy: { types: ['DESIGNS'], direction: 'IN' },
    fabricatedBy: { types: ['FABRICATES'], direction: 'IN' },
    restrictedBy: { types: ['RESTRICTS'], direction: 'IN' },
    variantOf: { types: ['VARIANT_OF'], direction: 'OUT' },
    trainedModels: { types: ['TRAINED_ON'], direction: 'IN' },
  },
  Policy: {
    restricts: { types: ['RESTRICTS'], direction: 'OUT' },
    issuedBy: { types: ['ISSUED_BY'], direction: 'OUT' },
    succeeds: { types: ['SUCCEEDS'], direction: 'OUT' },
  },
  Person: {
    worksAt: { types: ['WORKS_AT'], direction: 'OUT' },
    founded: { types: ['FOUNDED'], direction: 'OUT' },
    leads: { types: ['LEADS'], direction: 'OUT' },
  },
  DataCenter: {
    operatedBy: { types: ['OPERATES', 'BUILDS', 'OWNS'], direction: 'IN' },
    locatedIn: { types: ['LOCATED_IN'], direction: 'OUT' },
    chips: { types: ['DEPLOYS', 'USES'], direction: 'OUT', kinds: ['CHIP'] },
  },
  Technique: { usedBy: { types: ['USES_TECHNIQUE'], direction: 'IN' } },
  Country: { locatedHere: { types: ['LOCATED_IN'], direction: 'IN' } },
  Organization: { people: { types: ['WORKS_AT', 'LEADS', 'FOUNDED'], direction: 'IN', kinds: ['PERSON'] } },
  Product: { developedBy: { types: ['DEVELOPS'], direction: 'IN' } },
  Benchmark: { models: { types: ['EVALUATED_ON'], direction: 'IN' } },
  Location: { locatedHere: { types: ['LOCATED_IN'], direction: 'IN' } },
  Concept: {},
};
