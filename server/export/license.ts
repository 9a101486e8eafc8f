// The licence and attribution that go with every download: served as /export/LICENSE.txt, linked from
// each export (a Link header, a graph attribute in GraphML, a field in dataset.json).
import { youtubeUrl, type EpisodeRecord } from '../../core/domain/types.js';

export const DATA_LICENSE = 'CC BY 4.0';
export const DATA_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const LICENSE_PATH = '/export/LICENSE.txt';

export function attribution(ep: EpisodeRecord | null): string {
  const episode = ep
    ? `${ep.podcast} #${ep.number}, "${ep.title}" (published ${ep.published}), ${youtubeUrl(ep.youtubeId)}`
    : 'Lex Fridman Podcast #459';
  return `Source: ${episode}. Every relationship and fact points to the second of the episode, or the public page, it comes from.`;
}

export function licenseText(ep: EpisodeRecord | null): string {
  return `AI Industry Graph: data export
==============================

What this is
  A graph of the AI industry as discussed in one podcast episode: entities, the relationships between
  them and numeric facts, each relationship and fact with its evidence (the chapter, second and speaker
  in the episode, or the URL of a cited public page) and a claim status (stated, estimate, disputed,
  forecast). The notes are the project's own short summaries in English and Chinese, not transcripts
  or quotations.

Licence
  The data (entities.csv, relationships.csv, facts.csv, graph.graphml, dataset.json) is offered under
  the Creative Commons Attribution 4.0 International licence (${DATA_LICENSE}): ${DATA_LICENSE_URL}
  You may share and adapt it, also commercially, if you give credit: name "AI Industry Graph",
  link to where you got it, say if you changed it, and keep the attribution below.

Attribution
  ${attribution(ep)}
  What the speakers said belongs to them and to the podcast; this data only points to it, with a
  link to each moment. Wikidata identifiers (the wikidata column) come from Wikidata (CC0). A cited
  page (an evidence item whose source is "reference") belongs to its publisher: follow its URL.
  The episode and its speakers do not endorse this data.

How to read the files
  - Every file lists entities, relationships and facts in id order; ids join the files.
  - relationships.csv: source and target are entity ids (the columns Gephi's edge import expects).
  - Several evidence items of one relationship or fact stay in one row: the evidence_* cells hold them
    in order, separated by " | ", and evidence_count says how many there are.
  - Text cells that a spreadsheet would read as a formula (starting with = + - @) begin with an
    apostrophe ('); the data itself does not.
  - pagerank, betweenness and community are computed when the dataset loads (undirected graph,
    PageRank damping 0.85 summing to 1, normalised betweenness, Louvain with a fixed seed).
  - CSV files are UTF-8 with a byte-order mark (so spreadsheets read the Chinese columns) and CRLF lines.
`;
}
