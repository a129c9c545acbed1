/** `hearth trends`: terms and hashtags rising against their baseline, with sample posts. */
import type { Command } from 'commander';
import { z } from 'zod';
import { trendsFor, TREND_DEFAULTS, type TrendsReport } from '../../listening/insights/trends.service.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { parseFlag } from '../cli-errors.js';
import { withHearth } from '../context.js';

interface TrendsFlags {
  workspace: string;
  query?: string;
  recentHours: string;
  baselineHours: string;
  limit: string;
  minCount: string;
  until?: string;
  bigrams: boolean;
  as?: string;
  json?: boolean;
  data?: string;
}

const whole = z.coerce.number().int().positive();

export function registerTrends(program: Command): void {
  program
    .command('trends')
    .description(
      'Terms, word pairs and hashtags rising in the recent window against the baseline (per hour), with 3 sample posts each',
    )
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-q, --query <name>', 'only the mentions a saved query matched (its name or id)')
    .option(
      '--recent-hours <n>',
      'length of the recent window, ending now',
      String(TREND_DEFAULTS.recentHours),
    )
    .option(
      '--baseline-hours <n>',
      'length of the baseline, just before the recent window',
      String(TREND_DEFAULTS.baselineHours),
    )
    .option('-n, --limit <n>', 'how many terms', String(TREND_DEFAULTS.limit))
    .option('--min-count <n>', 'posts a term needs in the recent window', String(TREND_DEFAULTS.minCount))
    .option('--until <iso>', 'end of the recent window (default now)')
    .option('--no-bigrams', 'single words and hashtags only')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the API’s Trends object')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (flags: TrendsFlags) => {
      const options = {
        ...(flags.query === undefined ? {} : { query: flags.query }),
        recentHours: parseFlag('--recent-hours', whole, flags.recentHours),
        baselineHours: parseFlag('--baseline-hours', whole, flags.baselineHours),
        limit: parseFlag('--limit', whole, flags.limit),
        minCount: parseFlag('--min-count', whole, flags.minCount),
        ...(flags.until === undefined ? {} : { until: flags.until }),
        bigrams: flags.bigrams,
      };
      await withHearth(flags, async (hearth) => {
        const { access, workspace } = await actingMember(hearth.db.kysely, flags.workspace, flags.as);
        const report = await trendsFor(hearth.db.kysely, hearth.clock, access, options);
        process.stdout.write(
          flags.json ? `${JSON.stringify(report)}\n` : describeTrends(workspace.name, report),
        );
      });
    });
}

const excerpt = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
};

export function describeTrends(workspaceName: string, report: TrendsReport): string {
  const lines = [
    `Trends in "${workspaceName}"${report.query ? ` (query "${report.query.name}")` : ''}: ` +
      `${report.recent.since} → ${report.recent.until} (${report.recent.mentions} mentions) against the ` +
      `${report.baseline.hours} h before (${report.baseline.mentions} mentions).`,
    report.formula,
  ];
  for (const window of [report.recent, report.baseline]) {
    if (window.sampledOneIn > 1) {
      lines.push(
        `${window.since} → ${window.until}: one mention in ${window.sampledOneIn} read, counts multiplied by ${window.sampledOneIn}.`,
      );
    }
  }
  if (report.terms.length === 0) {
    lines.push(`Nothing rising (no term in ${report.minCount} posts or more above its baseline).`);
  }
  for (const term of report.terms) {
    lines.push(
      '',
      `${term.term}  (${term.kind})  now ${term.recent}, baseline ${term.baseline}, expected ${term.expected}, score ${term.score}, ratio ${term.ratio}`,
    );
    for (const sample of term.samples) {
      lines.push(
        `    ${sample.author.handle ? `@${sample.author.handle}` : sample.network}: ${excerpt(sample.text)}  (${sample.engagement} engagement)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
