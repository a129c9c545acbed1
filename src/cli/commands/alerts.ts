/**
 * `hearth alerts list | rules | backtest`: the alerts listening fired (with their explanation in
 * words), the rules that fire them, and when a rule would have fired over the stored history.
 */
import type { Command } from 'commander';
import {
  DEFAULT_BACKTEST_DAYS,
  MAX_BACKTEST_DAYS,
  type BacktestResult,
} from '../../listening/alerts/alerts.backtest.js';
import { titleOf } from '../../listening/alerts/alerts.explanation.js';
import {
  backtestRule,
  listAlerts,
  listRules,
  MAX_ALERT_PAGE,
  type AlertView,
  type RuleView,
} from '../../listening/alerts/alerts.service.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

interface CommonOptions {
  workspace: string;
  as?: string;
  json?: boolean;
  data?: string;
}

const MAX_LIMIT = 10_000;
const DATA_HELP = 'data folder (env HEARTH_DATA_DIR, default ./.hearth)';

function wholeNumber(flag: string, value: string, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new CliError(`${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  }
  return number;
}

function alertText(alert: AlertView): string {
  const status = alert.deliveries
    .map((d) => `${d.channel}: ${d.status}${d.lastError ? ` (${d.lastError})` : ''}`)
    .join(', ');
  return [
    `${alert.readAt === null ? '● ' : '  '}${alert.firedAt}  ${alert.title}`,
    ...alert.summary.map((line) => `    ${line}`),
    ...(status ? [`    Delivery: ${status}`] : []),
  ].join('\n');
}

function ruleText(rule: RuleView): string {
  const params = Object.entries(rule.params)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const channels = [
    'in-app',
    ...(rule.channels.email.length > 0 ? [`e-mail ×${rule.channels.email.length}`] : []),
    ...(rule.channels.webhook ? ['webhook'] : []),
  ].join(', ');
  return `${rule.id}  ${rule.name}  ${rule.kind}${rule.enabled ? '' : ' (disabled)'}  scope: ${rule.queryName ?? 'all mentions'}  ${params}  → ${channels}`;
}

function backtestText(result: BacktestResult, ruleName: string): string {
  const head =
    `Backtest of "${ruleName}" from ${result.from} to ${result.to}: would have fired ${result.fired} time${result.fired === 1 ? '' : 's'}` +
    (result.suppressedByCooldown > 0
      ? ` (${result.suppressedByCooldown} more held back by the cooldown)`
      : '') +
    (result.windows > 0
      ? ` over ${result.windows} hourly windows${result.outcomes.too_little_history ? `, ${result.outcomes.too_little_history} of them with too little history` : ''}`
      : '') +
    '.';
  return [
    head,
    ...result.firings.map((firing) => `  ${firing.at}  ${titleOf(ruleName, firing.explanation)}`),
    ...(result.truncated ? ['  … (more: the list stops at the first ones)'] : []),
  ].join('\n');
}

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('Listening alerts: what fired and why, the rules, backtests');
  alerts
    .command('list')
    .description(
      'List fired alerts, newest first, each with its explanation. Example: hearth alerts list --workspace "Maison Lumière" --unread --json',
    )
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--unread', 'only alerts nobody has marked read')
    .option('-n, --limit <n>', `how many, 1 to ${MAX_LIMIT}`, '50')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print one JSON object {alerts, unread} (the API’s Alert)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (options: CommonOptions & { unread?: boolean; limit: string }) => {
      const limit = wholeNumber('--limit', options.limit, MAX_LIMIT);
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        const found: AlertView[] = [];
        let cursor: string | undefined;
        let unread = 0;
        for (;;) {
          const page = await listAlerts(hearth.db.kysely, access, {
            unread: options.unread === true,
            limit: Math.min(MAX_ALERT_PAGE, limit - found.length),
            ...(cursor ? { cursor } : {}),
          });
          found.push(...page.alerts);
          unread = page.unread;
          cursor = page.nextCursor ?? undefined;
          if (!cursor || found.length >= limit) {
            break;
          }
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ alerts: found, unread })}\n`);
        } else {
          process.stdout.write(
            found.length === 0 ? 'No alerts.\n' : `${found.map(alertText).join('\n\n')}\n${unread} unread.\n`,
          );
        }
      });
    });

  alerts
    .command('rules')
    .description('List the alert rules of a workspace')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print one JSON object {rules} (the API’s AlertRule)')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (options: CommonOptions) => {
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        const rules = await listRules(hearth.db.kysely, access);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ rules })}\n`);
        } else {
          process.stdout.write(
            rules.length === 0 ? 'No alert rules.\n' : `${rules.map(ruleText).join('\n')}\n`,
          );
        }
      });
    });

  alerts
    .command('backtest')
    .description('When a saved rule would have fired over the stored history')
    .argument('<rule>', 'the rule’s id or exact name')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('--days <n>', `how far back, 1 to ${MAX_BACKTEST_DAYS}`, String(DEFAULT_BACKTEST_DAYS))
    .option('--as <email>', AS_HELP)
    .option('--json', 'print the API’s AlertBacktest object')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (ruleRef: string, options: CommonOptions & { days: string }) => {
      const days = wholeNumber('--days', options.days, MAX_BACKTEST_DAYS);
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        const rule = (await listRules(hearth.db.kysely, access)).find(
          (r) => r.id === ruleRef || r.name === ruleRef,
        );
        if (!rule) {
          throw new CliError(`No alert rule "${ruleRef}" in this workspace (see hearth alerts rules)`);
        }
        const result = await backtestRule(hearth.db.kysely, hearth.clock, access, { ruleId: rule.id }, days);
        process.stdout.write(
          options.json ? `${JSON.stringify(result)}\n` : `${backtestText(result, rule.name)}\n`,
        );
      });
    });
}
