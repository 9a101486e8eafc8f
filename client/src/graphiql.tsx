// GraphiQL, bundled locally: the server's CSP allows scripts from this origin only, so no CDN.
// React.createElement instead of JSX keeps the root tsconfig free of a jsx setting.
import 'graphiql/graphiql.css';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExecutionResult } from 'graphql';

interface FetchParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

async function fetcher(params: FetchParams): Promise<ExecutionResult> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return (await res.json()) as ExecutionResult;
}

const TABS: { query: string; variables?: string }[] = [
  {
    query: `# Models trained on H800s (the chip DeepSeek used)
query TrainedOnH800 {
  chip: entity(id: "nvidia-h800") {
    name
    nameZh
    ... on Chip {
      trainedModels { id name developedBy: relationships(types: ["DEVELOPS"], direction: IN) { source { name } } }
      restrictedBy { name }
    }
  }
}`,
  },
  {
    query: `# What the US export-control rules restrict, with evidence
query ExportControls {
  rule: entity(id: "us-export-controls") {
    name
    summary
    relationships(types: ["RESTRICTS"], direction: OUT) {
      target { name kind }
      status
      evidence { timestamp speakerName note url }
    }
  }
}`,
  },
  {
    query: `# The shortest path from ASML to DeepSeek
query AsmlToDeepSeek {
  shortestPath(from: "asml", to: "deepseek") {
    nodes { id name kind }
    edges { type label source { name } target { name } evidence { timestamp note url } }
  }
}`,
  },
  {
    query: `# R1 and o1 price facts side by side
query R1VsO1 {
  r1: entity(id: "deepseek-r1") { name facts { metric display status evidence { timestamp url } } }
  o1: entity(id: "openai-o1") { name facts { metric display status evidence { timestamp url } } }
}`,
  },
  {
    query: `# Search in Chinese: 英伟达 (NVIDIA)
query SearchZh($text: String!) {
  search(text: $text, first: 5) {
    score
    entity { id name label(lang: ZH) kind summary(lang: ZH) }
  }
}`,
    variables: '{ "text": "英伟达" }',
  },
  {
    query: `# Compare one metric across entities
query CompareGpuCounts {
  metrics(minEntities: 2) {
    metric
    units
    facts { subject { name } display status evidence { timestamp url } }
  }
}`,
  },
  {
    query: `# The graph as of 2023 (only what existed by then), and the headline numbers
query AsOf2023 {
  stats { entities relationships facts chapters }
  graph(asOf: "2023", kinds: [MODEL, CHIP, COMPANY], limit: 100) {
    nodes { id name kind }
    truncated
  }
}`,
  },
];

/** The explorer links here with the query in the hash (or the search string), URL-encoded. */
function fromLocation(): { query: string; variables?: string } | null {
  const raw = location.hash.length > 1 ? location.hash.slice(1) : location.search.slice(1);
  const p = new URLSearchParams(raw);
  const query = p.get('query');
  if (!query) return null;
  const variables = p.get('variables');
  return variables ? { query, variables } : { query };
}

const linked = fromLocation();
const defaultTabs = linked ? [linked, ...TABS] : TABS;
const container = document.getElementById('graphiql');
if (container) {
  container.textContent = '';
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs,
      // With stored tabs GraphiQL would ignore defaultTabs; a linked query must win.
      ...(linked ? { query: linked.query, ...(linked.variables ? { variables: linked.variables } : {}) } : {}),
      defaultEditorToolsVisibility: linked?.variables ? 'variables' : false,
      shouldPersistHeaders: false,
    }),
  );
}
