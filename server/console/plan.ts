// The console's deciding check: what the query would do, read from EXPLAIN's plan, not from its
// spelling. Every operator must be on a list of reads; procedure calls must be on the allowlist.
// LOAD CSV, SHOW/TERMINATE commands, administration, subquery transactions and every write are
// refused whatever the text looked like. Pure: plans in, verdicts out (unit-tested without Neo4j).
import type { PlanNode } from '../../core/db/executor.js';
import { ALLOWED_PROCEDURES } from './guard.js';

export type PlanVerdict = { ok: true } | { ok: false; operator: string; reason: string };

/** Operators that only read (Neo4j 5 Cypher manual, "Operators"), besides the scans and seeks below. */
const READ_OPERATORS = new Set([
  'ProduceResults', 'Argument', 'ArgumentTracker', 'EmptyRow', 'Optional', 'Anti',
  'Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply',
  'SelectOrAntiSemiApply', 'LetSelectOrSemiApply', 'LetSelectOrAntiSemiApply', 'RollUpApply',
  'ConditionalApply', 'AntiConditionalApply',
  'NullifyMetadata', 'Trail', 'ShortestPath', 'LegacyFindShortestPaths',
  'ProjectEndpoints', 'AssertSameNode', 'AssertSameRelationship',
  'Filter', 'Projection', 'CacheProperties', 'Limit', 'ExhaustiveLimit', 'Skip', 'Sort', 'PartialSort',
  'Top', 'PartialTop', 'Distinct', 'OrderedDistinct', 'EagerAggregation', 'OrderedAggregation',
  'Union', 'OrderedUnion', 'Unwind', 'PartitionedUnwind', 'Eager', 'DropResult', 'EmptyResult',
  'CartesianProduct', 'NodeHashJoin', 'ValueHashJoin', 'NodeLeftOuterHashJoin', 'NodeRightOuterHashJoin',
  'TriadicSelection', 'TriadicBuild', 'TriadicFilter',
  'NodeCountFromCountStore', 'RelationshipCountFromCountStore', 'ProcedureCall',
]);

/**
 * Scans and seeks (AllNodesScan, NodeIndexSeek, DirectedRelationshipTypeScan, …) and traversals, whose
 * names carry their mode in brackets: Expand(All), VarLengthExpand(Pruning,BFS,All), Repeat(Trail)…
 */
const READ_FAMILIES = [
  /^(?:Partitioned)?[A-Za-z]*(?:Scan|Seek|SeekByRange)$/,
  /^(?:Optional)?(?:Expand|VarLengthExpand|BFSPruningVarLengthExpand|Repeat|StatefulShortestPath)\([A-Za-z,]*\)$/,
];

/** Named reasons for the refusals a user is most likely to meet. */
const REASONS: [RegExp, string][] = [
  [/^LoadCSV$/, 'LOAD CSV reads files and URLs; the console reads only the graph'],
  [/^Show/, 'SHOW commands describe the server, not the graph'],
  [/^Terminate/, 'TERMINATE would stop other people’s queries'],
  [/^(?:AdministrationCommand|SystemProcedureCall)$/, 'administration commands are not available'],
  [/^Transaction(?:Apply|Foreach)$/, 'CALL { … } IN TRANSACTIONS commits on its own'],
];

function refuse(operator: string): PlanVerdict {
  const named = REASONS.find(([re]) => re.test(operator));
  return { ok: false, operator, reason: named ? named[1] : `the operator ${operator} is not a read` };
}

/** The procedure a ProcedureCall's details name, lower-cased ("db.labels() :: (label :: STRING)" → "db.labels"). */
export function procedureOf(details: string): string {
  return (/^\s*([\w.`]+)\s*\(/.exec(details)?.[1] ?? '').replaceAll('`', '').toLowerCase();
}

export function checkPlan(root: PlanNode): PlanVerdict {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Operators are reported as "Name@database".
    const operator = node.operator.replace(/@.*$/, '');
    if (operator === 'ProcedureCall') {
      const proc = procedureOf(node.details);
      if (!ALLOWED_PROCEDURES.has(proc))
        return { ok: false, operator, reason: `procedure ${proc || '(unnamed)'} is not allowed; allowed: ${[...ALLOWED_PROCEDURES].join(', ')}` };
    } else if (!READ_OPERATORS.has(operator) && !READ_FAMILIES.some((re) => re.test(operator))) {
      return refuse(operator);
    }
    stack.push(...node.children);
  }
  return { ok: true };
}
