// The console's graph shapes (POST /cypher's `graph`), shared by the server that builds them and the
// explorer that draws them.

export interface ConsoleNode {
  id: string;
  kind: string;
  name: string;
  nameZh: string | null;
  isEntity: boolean;
}
export interface ConsoleEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}
