/**
 * `hearth report`: a department's report (HTML, PDF or CSV) for a period, written atomically to
 * --out (a temporary file beside it, then renamed). Progress and the summary go to stderr; bad
 * flags exit 2.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { PdfUnavailableError } from '../../reports/render/pdf.js';
import { checkReportRequest, REPORT_FORMATS, type ReportFormat } from '../../reports/render/render-report.js';
import { parseBound, renderReportFor } from '../../reports/reports.service.js';
import { REPORT_TEMPLATES, type ReportTemplate } from '../../reports/reports.tables.js';
import { AppError } from '../../core/errors.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

interface ReportFlags {
  workspace?: string;
  template?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  as?: string;
  data?: string;
}

interface ParsedFlags {
  workspace: string;
  template: ReportTemplate;
  from: Date;
  to: Date;
  format: ReportFormat;
  out: string;
}

const usage = (message: string): CliError => new CliError(message, 2);

function instant(flag: string, value: string | undefined): Date {
  if (value === undefined) {
    throw usage(`${flag} is required (an ISO 8601 date or instant, e.g. 2026-03-01)`);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw usage(`${flag}: "${value}" is not an ISO 8601 date or instant`);
  }
  return at;
}

/** Checks every flag before anything is opened: a usage error exits 2. */
export function parseReportFlags(flags: ReportFlags): ParsedFlags {
  if (!flags.workspace) {
    throw usage('--workspace is required (the workspace id, or its exact name)');
  }
  if (!flags.template || !(REPORT_TEMPLATES as readonly string[]).includes(flags.template)) {
    throw usage(`--template must be one of ${REPORT_TEMPLATES.join(', ')}${flags.template ? `, not "${flags.template}"` : ''}`);
  }
  const format = flags.format ?? 'html';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw usage(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"`);
  }
  if (!flags.out) {
    throw usage('--out is required (the file to write)');
  }
  const parsed: ParsedFlags = {
    workspace: flags.workspace,
    template: flags.template as ReportTemplate,
    from: instant('--from', flags.from),
    to: instant('--to', flags.to),
    format: format as ReportFormat,
    out: resolve(flags.out),
  };
  try {
    checkReportRequest(parsed);
  } catch (error) {
    throw error instanceof AppError ? usage(`--${error.fields[0]?.path ?? 'from'} ${error.fields[0]?.message ?? error.message}`) : error;
  }
  return parsed;
}

/** Writes `body` to `path` all at once: a reader never sees half a report. */
async function writeAtomically(path: string, body: Buffer): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, body, { mode: 0o644 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('A report for a department over a period: support, product, marketing, leadership (one page) or risk, as HTML, PDF or CSV')
    .option('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-t, --template <name>', REPORT_TEMPLATES.join('|'))
    .option('--from <iso>', 'start of the period, included (ISO 8601: 2026-03-01 or 2026-03-01T00:00:00Z)')
    .option('--to <iso>', 'end of the period, excluded')
    .option('-f, --format <format>', 'html|pdf|csv (default html)')
    .option('-o, --out <file>', 'where to write the report (written atomically)')
    .option('--as <email>', AS_HELP)
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (flags: ReportFlags) => {
      const parsed = parseReportFlags(flags);
      await withHearth(flags, async (hearth) => {
        const db = hearth.db.kysely;
        const { access, workspace } = await actingMember(db, parsed.workspace, flags.as);
        // Bare dates are the workspace's local days (checked as UTC days above, the same length).
        const from = parseBound('--from', flags.from ?? '', workspace.timeZone);
        const to = parseBound('--to', flags.to ?? '', workspace.timeZone);
        process.stderr.write(`Building the ${parsed.template} report of ${workspace.name} (${parsed.format})…\n`);
        const started = Date.now();
        let rendered;
        try {
          rendered = await renderReportFor({ db, clock: hearth.clock, logger: hearth.logger }, access, {
            template: parsed.template,
            from,
            to,
            format: parsed.format,
          });
        } catch (error) {
          throw error instanceof PdfUnavailableError ? new CliError(error.message) : error;
        }
        await writeAtomically(parsed.out, rendered.body);
        process.stderr.write(
          `${rendered.summary}\n\nWrote ${parsed.out} (${rendered.body.length.toLocaleString('en-US')} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      });
    });
}
