// What a query selects below a resolver's field, so a repository statement can return only those
// properties: the explorer's neighbourhood asks for 10 of an entity's ~20 fields and none of an edge's
// evidence, and decoding the rest was a third of the server's CPU. @skip/@include are ignored, which
// can only fetch more than needed, never less.
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function* fieldsOf(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth = 0): Generator<FieldNode> {
  // Fragments cannot be cyclic in a valid document; the depth bound is only a guard.
  if (depth > 20) return;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') yield sel;
    else if (sel.kind === 'InlineFragment') yield* fieldsOf(sel.selectionSet, fragments, depth + 1);
    else {
      const frag = fragments[sel.name.value];
      if (frag) yield* fieldsOf(frag.selectionSet, fragments, depth + 1);
    }
  }
}

/** Field names selected at `path` below this resolver's field (all fragments merged); empty when the path is not selected. */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: string[] = []): Set<string> {
  let sets = info.fieldNodes.map((f) => f.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const step of path) {
    const next: SelectionSetNode[] = [];
    for (const s of sets) for (const f of fieldsOf(s, info.fragments)) if (f.name.value === step && f.selectionSet) next.push(f.selectionSet);
    sets = next;
  }
  const out = new Set<string>();
  for (const s of sets) for (const f of fieldsOf(s, info.fragments)) out.add(f.name.value);
  return out;
}

export const union = (...sets: Set<string>[]): Set<string> => new Set(sets.flatMap((s) => [...s]));
