/**
 * The demo's listening: a Bluesky source on the local network's PDS, so that the community's posts
 * mentioning the brand (and any written while the demo runs) flow into Listen live. The network is
 * new at every start, so the previous run's source (whose relay is gone) is removed and a new one
 * reads this network from its first event. A saved query tagged "brand" is made once.
 */
import type { Hearth } from '../container.js';
import { listQueries, saveQuery } from '../listening/queries.service.js';
import { addSource, listSources, removeSource, type SourceView } from '../listening/sources.service.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import type { DemoNetwork } from './demo-network.js';

export const DEMO_SOURCE_NAME = 'Local Bluesky network (demo)';
export const DEMO_KEYWORDS = ['Maison Lumière', 'Aurore', 'Solstice', 'Nocturne'];
export const DEMO_BRAND_QUERY_NAME = 'Maison Lumière and its lamps';
const DEMO_BRAND_QUERY = '"Maison Lumière" OR maisonlumiere OR Aurore OR Solstice OR Nocturne';

export async function ensureDemoListening(
  hearth: Hearth,
  access: WorkspaceAccess,
  network: DemoNetwork,
): Promise<SourceView> {
  const db = hearth.db.kysely;
  for (const stale of (await listSources(db, access)).filter(
    (s) => s.kind === 'bluesky' && s.name === DEMO_SOURCE_NAME,
  )) {
    await removeSource(db, hearth.clock, access, stale.id);
  }
  const added = await addSource({ db, clock: hearth.clock, secrets: hearth.secrets }, access, {
    kind: 'bluesky',
    name: DEMO_SOURCE_NAME,
    settings: {
      service: network.pdsUrl,
      plcUrl: network.plcUrl,
      appViewUrl: network.appViewUrl,
      keywords: DEMO_KEYWORDS,
    },
    startCursor: 0,
  });
  // A saved query tagged "brand": share of voice, topics in reports and influencer relevance count it.
  if (!(await listQueries(db, access)).some((query) => query.name === DEMO_BRAND_QUERY_NAME)) {
    await saveQuery(db, hearth.clock, access, { name: DEMO_BRAND_QUERY_NAME, query: DEMO_BRAND_QUERY, tag: 'brand' });
  }
  return added.source;
}
