import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_jobs.js';
import * as m0003 from './0003_named_things.js';
import * as m0004 from './0004_house_style.js';
import * as m0005 from './0005_originality.js';
import * as m0006 from './0006_publishing.js';
import * as m0007 from './0007_listening.js';
import * as m0008 from './0008_alerts.js';
import * as m0009 from './0009_competitors.js';
import * as m0010 from './0010_query_history.js';
import * as m0011 from './0011_inbox.js';
import * as m0012 from './0012_inbox_routing.js';
import * as m0013 from './0013_community.js';
import * as m0014 from './0014_reports.js';
import * as m0015 from './0015_report_history.js';
import * as m0016 from './0016_merge_undo.js';

/**
 * The one migration set, for SQLite and PostgreSQL alike. Append new files here in order;
 * never edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_jobs': m0002,
  '0003_named_things': m0003,
  '0004_house_style': m0004,
  '0005_originality': m0005,
  '0006_publishing': m0006,
  '0007_listening': m0007,
  '0008_alerts': m0008,
  '0009_competitors': m0009,
  '0010_query_history': m0010,
  '0011_inbox': m0011,
  '0012_inbox_routing': m0012,
  '0013_community': m0013,
  '0014_reports': m0014,
  '0015_report_history': m0015,
  '0016_merge_undo': m0016,
};
