// Renderer harness for bench/client.ts: the explorer's stylesheet, element data and fcose options on
// one Cytoscape instance, with the renderer chosen by the URL (?renderer=canvas|webgl&limit=N&layout=fcose|fcose-draft|fcose-300|grid|preset).
// A layout name ending in "-quiet" uses the explorer's big-graph style (no label text, straight edges);
// "preset" places nodes at the server's positions (Subgraph.positions), as the explorer does when it has them.
// The explorer cannot switch renderers, and it asks the server for at most 5000 nodes; this page can,
// so it answers "would the WebGL renderer help at 2k/10k nodes?" without changing the client.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from '../../client/src/style.js';

cytoscape.use(fcose);

interface Node { id: string; kind: string; name: string }
interface Edge { id: string; type: string; status: string | null; source: { id: string }; target: { id: string } }

const params = new URLSearchParams(location.search);
const webgl = params.get('renderer') === 'webgl';
const limit = Number(params.get('limit') ?? 5000);
const layoutParam = params.get('layout') ?? 'fcose';
const quiet = layoutParam.endsWith('-quiet');
const layoutName = layoutParam.replace(/-quiet$/, '');
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

// The same fields the explorer asks for (client/src/queries.ts GRAPH), plus the limit it does not pass.
const QUERY = `query($limit: Int) { graph(limit: $limit) {
  nodes { id kind name labelZh: label(lang: ZH) firstMentionSeconds dates { founded released announced effective published } }
  edges { id type status since source { id } target { id } }
  truncated positions { id x y } } }`;

async function run(): Promise<void> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { limit } }),
  });
  const body = (await res.json()) as { data: { graph: { nodes: Node[]; edges: Edge[]; truncated: boolean; positions: { id: string; x: number; y: number }[] | null } } };
  const g = body.data.graph;
  const fetched = performance.now();

  const cy = cytoscape({
    container: document.getElementById('cy'),
    style: stylesheet({ quietLabels: quiet }),
    minZoom: 0.05,
    maxZoom: 4,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } as never } : {}),
  });
  const ids = new Set(g.nodes.map((n) => n.id));
  cy.batch(() => {
    cy.add(g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, kind: n.kind, name: n.name, display: n.name, degree: 0 } })));
    cy.add(
      g.edges
        .filter((e) => ids.has(e.source.id) && ids.has(e.target.id))
        .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source.id, target: e.target.id, type: e.type, status: e.status, display: e.type } })),
    );
    cy.nodes().forEach((n) => {
      n.data('degree', n.degree(false));
    });
  });
  const added = performance.now();

  // "fcose" is the explorer's layout (client/src/graph.ts Canvas.layout, copied so its cost matches);
  // the others are candidate fixes measured against it: spectral only (draft), fewer force iterations, no layout.
  const explorer = { name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 30, nodeRepulsion: 6500, idealEdgeLength: 80, nodeSeparation: 80, packComponents: true, numIter: 1500 };
  const layouts: Record<string, Record<string, unknown>> = {
    fcose: explorer,
    'fcose-draft': { ...explorer, quality: 'draft' },
    'fcose-300': { ...explorer, numIter: 300 },
    grid: { name: 'grid', animate: false, fit: true, padding: 30 },
  };
  if (layoutName === 'preset') {
    if (!g.positions) throw new Error('the server has no positions for this graph (yet)');
    const at = new Map(g.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
    layouts.preset = { name: 'preset', positions: (n: cytoscape.NodeSingular) => at.get(n.id()) ?? { x: 0, y: 0 }, fit: true, padding: 30, animate: false };
  }
  const opts = layouts[layoutName] ?? explorer;
  cy.layout(opts as unknown as cytoscape.LayoutOptions).run();
  const laidOut = performance.now();
  await frame();
  await frame();
  const drawn = performance.now();

  // Interaction: zoom in and out around the centre, one step per frame, as a wheel gesture would.
  const steps = 10;
  const base = cy.zoom();
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    cy.zoom({ level: base * (1 + 0.8 * Math.sin((Math.PI * i) / steps)), renderedPosition: centre });
    await frame();
  }
  const perFrame = (performance.now() - t0) / steps;

  (window as unknown as { __bench: unknown }).__bench = {
    renderer: webgl ? 'webgl' : 'canvas',
    layout: layoutParam,
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    truncated: g.truncated,
    fetchMs: fetched,
    addMs: added - fetched,
    layoutMs: laidOut - added,
    firstDrawMs: drawn - laidOut,
    readyMs: drawn,
    frameMs: perFrame,
  };
}

run().catch((err: unknown) => {
  (window as unknown as { __bench: unknown }).__bench = { error: String(err) };
});
