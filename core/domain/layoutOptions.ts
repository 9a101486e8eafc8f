// Layout settings shared by the explorer and the server's layout process (server/layout/positions.ts),
// so a position computed on the server means the same picture in the browser. Pure: no DOM, no
// Cytoscape import, nothing from the server — both sides may import it.

/** Node size by degree: the one function the stylesheet and every layout use. */
export const NODE_SIZE = {
  /** A leaf is still a comfortable click target (≥ 18 px at zoom 1). */
  min: 18,
  max: 46,
  /** From this degree on a hub is drawn at full size; linear in between. */
  fullAtDegree: 40,
} as const;

/** The same mapping as NODE_SIZE_STYLE, for code that needs the number (overlap boxes, tests). */
export function nodeSize(degree: number): number {
  const d = Math.max(0, Math.min(degree, NODE_SIZE.fullAtDegree));
  return NODE_SIZE.min + (d / NODE_SIZE.fullAtDegree) * (NODE_SIZE.max - NODE_SIZE.min);
}

/** The node size as a Cytoscape style value over data(degree), for the explorer and the server alike. */
export const NODE_SIZE_STYLE = `mapData(degree, 0, ${NODE_SIZE.fullAtDegree}, ${NODE_SIZE.min}, ${NODE_SIZE.max})`;

/**
 * fcose's spring phase grows with n²: beyond this many nodes only its spectral draft runs. The server
 * lays out in the background and can afford more; a browser doing it makes the user wait
 * (2,000 nodes: ~3.5 s as a draft, ~40 s in full).
 */
export const DRAFT_ABOVE_NODES = { server: 1500, browser: 800 } as const;

/** The fcose options of the whole graph, on the server and in the browser alike. */
export const FCOSE_WHOLE_GRAPH = {
  name: 'fcose',
  animate: false,
  randomize: true,
  nodeRepulsion: 6500,
  idealEdgeLength: 80,
  nodeSeparation: 80,
  packComponents: true,
  numIter: 1500,
  // Real node sizes (the default); labels cannot be measured without a browser, so they are not counted.
  nodeDimensionsIncludeLabels: false,
} as const;

/**
 * The overview (the most connected entities, all labelled): labels count as part of a node so fcose
 * leaves room for them; the overlap pass after it makes that exact.
 */
export const FCOSE_OVERVIEW = {
  ...FCOSE_WHOLE_GRAPH,
  nodeDimensionsIncludeLabels: true,
  idealEdgeLength: 45,
  nodeRepulsion: 4000,
  // Hubs are linked to each other many times over: gravity keeps the picture compact enough to read at zoom ~1.
  gravity: 0.8,
} as const;

export function fcoseOptions(base: typeof FCOSE_WHOLE_GRAPH | typeof FCOSE_OVERVIEW, nodeCount: number, where: keyof typeof DRAFT_ABOVE_NODES): Record<string, unknown> {
  return { ...base, quality: nodeCount > DRAFT_ABOVE_NODES[where] ? 'draft' : 'default' };
}

/**
 * The explorer's first view asks for at most this many entities, the most connected (the graph query
 * keeps those when it cuts): its overview shows a few dozen of them, and a 10,000-entity store's full
 * answer (5,000 nodes, 2 MB) took 2.4 s to arrive and 3 s to build in the browser. A graph this small
 * (the episode has ~420) arrives whole; the server warms its layout at start-up beside the whole graph's.
 */
export const FIRST_VIEW_NODES = 600;

/** Gap kept between any two node boxes (model pixels) by the overlap pass: borders and rounding fit in it. */
export const NODE_GAP = 6;
