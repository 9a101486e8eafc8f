// The plan check decides by what the query does. Plans below are as Neo4j 5.26 reports them
// (operator@database, details), recorded from EXPLAIN on the local runner.
import { describe, expect, it } from 'vitest';
import type { PlanNode } from '../../core/db/executor.js';
import { checkPlan, procedureOf } from './plan.js';

const op = (operator: string, details = '', ...children: PlanNode[]): PlanNode => ({ operator: `${operator}@neo4j`, details, children });

describe('checkPlan', () => {
  it('lets reads through: scans, seeks, expands, aggregation, paths, allowed procedures', () => {
    const read = op('ProduceResults', 'n', op('Top', '', op('EagerAggregation', '', op('Filter', '', op('DirectedAllRelationshipsScan')))));
    expect(checkPlan(read)).toEqual({ ok: true });
    expect(checkPlan(op('ProduceResults', '', op('ShortestPath', '', op('CartesianProduct', '', op('AllNodesScan'), op('NodeIndexSeek')))))).toEqual({ ok: true });
    expect(checkPlan(op('ProduceResults', '', op('ProcedureCall', 'db.labels() :: (label :: STRING)')))).toEqual({ ok: true });
    for (const traversal of ['Expand(All)', 'OptionalExpand(Into)', 'VarLengthExpand(Pruning,BFS,All)', 'Repeat(Trail)', 'StatefulShortestPath(Into)'])
      expect(checkPlan(op('ProduceResults', '', op(traversal, '', op('NodeByLabelScan'))))).toEqual({ ok: true });
    expect(checkPlan(op('ProduceResults', '', op('ProcedureCall', 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)')))).toEqual({ ok: true });
  });

  it.each([
    ['LoadCSV', op('ProduceResults', 'r', op('LoadCSV', 'r')), /LOAD CSV/],
    ['ShowTransactions', op('ProduceResults', '', op('ShowTransactions', 'defaultColumns, allTransactions')), /SHOW/],
    ['ShowSettings', op('ProduceResults', '', op('ShowSettings', 'allSettings')), /SHOW/],
    ['TerminateTransactions', op('ProduceResults', '', op('TerminateTransactions', 'transactions(x)')), /TERMINATE/],
    ['AdministrationCommand', { operator: 'AdministrationCommand@system', details: '', children: [] }, /administration/],
    ['TransactionApply', op('ProduceResults', '', op('TransactionApply', 'IN TRANSACTIONS', op('EmptyRow'), op('AllNodesScan'))), /IN TRANSACTIONS/],
    ['Create', op('ProduceResults', '', op('EmptyResult', '', op('Create', '(n:X)'))), /Create is not a read/],
    ['SetProperty', op('ProduceResults', '', op('SetProperty', 'n.x = 1', op('AllNodesScan'))), /SetProperty/],
    ['db.stats.retrieve', op('ProduceResults', '', op('ProcedureCall', 'db.stats.retrieve($s) :: (section :: STRING, data :: MAP)')), /db\.stats\.retrieve is not allowed/],
    ['db.prepareForReplanning', op('ProduceResults', '', op('EmptyResult', '', op('ProcedureCall', 'db.prepareForReplanning() :: ()'))), /not allowed/],
    ['an unknown operator', op('ProduceResults', '', op('SomethingNew')), /SomethingNew is not a read/],
  ])('refuses %s', (_name, plan, reason) => {
    const v = checkPlan(plan);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(reason);
  });

  it('finds a forbidden operator deep in a subquery', () => {
    const deep = op('ProduceResults', '', op('Apply', '', op('Argument'), op('Apply', '', op('Argument'), op('LoadCSV'))));
    expect(checkPlan(deep).ok).toBe(false);
  });

  it('reads procedure names from the details', () => {
    expect(procedureOf('db.labels() :: (label :: STRING)')).toBe('db.labels');
    expect(procedureOf('`db`.`stats`.retrieve($x)')).toBe('db.stats.retrieve');
    expect(procedureOf('')).toBe('');
  });
});
