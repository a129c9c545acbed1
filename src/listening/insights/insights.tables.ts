/** Table types of migration 0009, merged into the house's `Database` (db/schema.ts stays untouched). */

export interface CompetitorsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** JSON array of {network, handle}: handles lower-case, without '@'. */
  accounts: string;
  /** The saved query that describes the conversation about it (null if removed or unset). */
  query_id: string | null;
  /** Or a query of the listening language, evaluated on demand. */
  query_text: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    competitors: CompetitorsTable;
  }
}
