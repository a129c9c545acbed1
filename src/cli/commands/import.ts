import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CsvError } from '../../listening/import/csv.js';
import { formatOf, ImportHeaderError, type ImportFormat } from '../../listening/import/records.js';
import { importFile } from '../../listening/import.service.js';
import { feedOriginality } from '../../listening/originality-feed.service.js';
import { importSourceNamed } from '../../listening/sources.service.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { findWorkspaces } from '../../workspaces/workspaces.service.js';
import { ACTIVITY_TYPES } from '../../community/community.tables.js';
import { importActivities } from '../../community/import/activities.import.js';
import { CliError } from '../cli-errors.js';
import { findOneWorkspace } from '../acting-member.js';
import { withHearth } from '../context.js';

interface ImportFlags {
  workspace: string;
  source: string;
  format?: string;
  data?: string;
}

const SHOWN_PROBLEMS = 20;

/**
 * `hearth import FILE`: mentions from an export (JSONL or CSV), stored once however often it runs;
 * `hearth import activities FILE`: community activities (JSONL).
 *
 * Commander parses the options of a command with both an action and sub-commands itself, so
 * `import activities FILE --workspace W` would hand `--workspace` to `import`, not to `activities`.
 * `import` is therefore a group whose default sub-command, `mentions`, takes a file: `hearth import
 * FILE` still means `hearth import mentions FILE`, and each sub-command owns its options.
 */
export function registerImport(program: Command): void {
  const group = program
    .command('import')
    .description('Import mentions (the default: hearth import FILE) or community activities (hearth import activities FILE)')
    .helpCommand(false);
  registerActivitiesImport(group);
  group
    .command('mentions', { isDefault: true })
    .description(
      'Import mentions from a JSONL or CSV file of {id, network, author, authorName, text, createdAt, url, likes, reposts, replies, followers}. ' +
        'Idempotent: rows already stored are counted as duplicates. Exit 1 if any row was refused.',
    )
    .argument('<file>', 'a .jsonl or .csv file (CSV: a header row, RFC 4180 quoting)')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-s, --source <name>', 'the import source to file them under (created if new)', 'Import')
    .option('-f, --format <format>', 'jsonl | csv (default: from the file name)')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (file: string, flags: ImportFlags) => {
      const format = (flags.format ?? formatOf(file)) as ImportFormat | null;
      if (format !== 'jsonl' && format !== 'csv') {
        throw new CliError(
          flags.format ? `--format must be jsonl or csv, not "${flags.format}"` : `Cannot tell the format of ${file}: name it .jsonl or .csv, or pass --format`,
          2,
        );
      }
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`Cannot read ${file}`, 2);
      }
      const sourceName = flags.source.trim();
      if (sourceName === '') {
        throw new CliError('--source needs a name', 2);
      }
      await withHearth(flags, async (hearth) => {
        const db = hearth.db.kysely;
        const matches = await findWorkspaces(db, flags.workspace);
        const workspace = matches.length === 1 ? matches[0] : undefined;
        if (!workspace) {
          throw new CliError(matches.length === 0 ? `No workspace "${flags.workspace}"` : `Several workspaces are named "${flags.workspace}": use the id`);
        }
        const source = await importSourceNamed(db, hearth.clock, workspace.id, sourceName);
        const bar = process.stderr.isTTY
          ? new SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {percentage}% | {value}/{total} bytes | {eta_formatted} left' })
          : null;
        bar?.start(size, 0);
        const deps = { db, clock: hearth.clock, logger: hearth.logger, analyzer: hearth.analyzer, originality: hearth.originality };
        let report;
        try {
          report = await importFile(
            deps,
            workspace.id,
            source.id,
            file,
            { format, onProgress: (bytes) => bar?.update(Math.min(bytes, size)) },
          );
        } catch (error) {
          if (error instanceof CsvError || error instanceof ImportHeaderError) {
            throw new CliError(`${file}: ${error.message}`);
          }
          throw error;
        } finally {
          bar?.stop();
        }
        // The server's task would do it within a minute; a one-shot import leaves nothing pending.
        await feedOriginality(deps);
        await recordAudit(db, hearth.clock, {
          workspaceId: workspace.id,
          actorUserId: null,
          action: 'listening.imported',
          target: { type: 'listening_source', id: source.id },
          details: { rows: report.rows, stored: report.stored, duplicates: report.duplicates, bad: report.bad.length, via: 'cli' },
        });
        for (const bad of report.bad.slice(0, SHOWN_PROBLEMS)) {
          process.stderr.write(`line ${bad.line}${bad.id ? ` (id ${bad.id})` : ''}: ${bad.reason}\n`);
        }
        if (report.bad.length > SHOWN_PROBLEMS) {
          process.stderr.write(`… and ${report.bad.length - SHOWN_PROBLEMS} more bad rows\n`);
        }
        process.stdout.write(
          `Imported ${file} into "${workspace.name}" (source "${source.name}"): ${report.rows} rows, ${report.stored} stored, ` +
            `${report.duplicates} already there${report.updated > 0 ? ` (${report.updated} with new counts)` : ''}, ${report.bad.length} bad.\n`,
        );
        if (report.bad.length > 0) {
          throw new CliError(`${report.bad.length} rows of ${file} were not imported (see above)`);
        }
      });
    });
}

/** `hearth import activities FILE --workspace W`: JSONL of community activities, idempotent. */
function registerActivitiesImport(group: Command): void {
  group
    .command('activities')
    .description(
      'Import community activities from a JSONL file of {person, network, type, at, text, target, followers} ' +
        `(type: ${ACTIVITY_TYPES.join(', ')}; optional: id, name, sentiment, language, engagement, and the author's profile: bio, links, avatar). ` +
        'Idempotent: rows already recorded are counted as duplicates; forgotten people are skipped. Exit 1 if any row was refused.',
    )
    .argument('<file>', 'a .jsonl file, one activity per line')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (file: string, flags: { workspace: string; data?: string }) => {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`Cannot read ${file}`, 2);
      }
      await withHearth(flags, async (hearth) => {
        const db = hearth.db.kysely;
        const workspace = await findOneWorkspace(db, flags.workspace);
        const bar = process.stderr.isTTY
          ? new SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {percentage}% | {value}/{total} bytes | {eta_formatted} left' })
          : null;
        bar?.start(size, 0);
        const started = performance.now();
        let report;
        const input = createReadStream(file, { encoding: 'utf8' });
        try {
          report = await importActivities(db, hearth.clock, workspace.id, createInterface({ input, crlfDelay: Infinity }), {
            onProgress: (bytes) => bar?.update(Math.min(bytes, size)),
          });
        } finally {
          bar?.stop();
          input.destroy();
        }
        const seconds = (performance.now() - started) / 1000;
        await recordAudit(db, hearth.clock, {
          workspaceId: workspace.id,
          actorUserId: null,
          action: 'community.activities_imported',
          details: { read: report.read, imported: report.imported, duplicates: report.duplicates, forgotten: report.forgotten, refused: report.refused.length, via: 'cli' },
        });
        for (const refused of report.refused.slice(0, SHOWN_PROBLEMS)) {
          process.stderr.write(`line ${refused.line}: ${refused.reason}\n`);
        }
        if (report.refused.length > SHOWN_PROBLEMS) {
          process.stderr.write(`… and ${report.refused.length - SHOWN_PROBLEMS} more refused rows\n`);
        }
        process.stdout.write(
          `Imported ${file} into "${workspace.name}": ${report.read} rows, ${report.imported} recorded, ${report.duplicates} already there, ` +
            `${report.forgotten} about forgotten people, ${report.own > 0 ? `${report.own} by the brand's own accounts, ` : ''}${report.refused.length} refused (${seconds.toFixed(1)} s).\n`,
        );
        if (report.refused.length > 0) {
          throw new CliError(`${report.refused.length} rows of ${file} were not imported (see above)`);
        }
      });
    });
}
