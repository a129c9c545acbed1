/**
 * `hearth mentions list`: the workspace's mentions stream, newest first, filtered like the API
 * (a saved query by name or id, or a query written out; full-text; network, language, sentiment;
 * dates), paged through for as many as asked.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { findMentionPage, MAX_PAGE, type MentionSearch, type MentionView } from '../../listening/mentions.service.js';
import { listQueries } from '../../listening/queries.service.js';
import { actingMember, AS_HELP } from '../acting-member.js';
import { CliError, parseFlag } from '../cli-errors.js';
import { withHearth } from '../context.js';

interface ListOptions {
  workspace: string;
  as?: string;
  json?: boolean;
  data?: string;
  query?: string;
  text?: string;
  network?: string;
  lang?: string;
  sentiment?: string;
  since?: string;
  until?: string;
  limit: string;
}

const MAX_LIMIT = 10_000;
const instant = z.iso.datetime({ offset: true, message: 'an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z' }).transform((value) => new Date(value).toISOString());
const sentiments = z.array(z.enum(['negative', 'neutral', 'positive']));
const list = (value: string | undefined): string[] | undefined => value?.split(',').map((part) => part.trim()).filter((part) => part !== '');

function line(mention: MentionView): string {
  const who = mention.author.handle ? `@${mention.author.handle}` : (mention.author.name ?? 'unknown');
  const text = mention.text.replace(/\s+/g, ' ');
  return `${mention.createdAt}  ${mention.network.padEnd(8)} ${who}  ${mention.sentiment?.label ?? '—'}  ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`;
}

export function registerMentions(program: Command): void {
  const mentions = program.command('mentions').description('The mentions listening stored');
  mentions
    .command('list')
    .description('List mentions, newest first. Example: hearth mentions list --workspace "Maison Lumière" --query Refunds --since 2026-12-01T00:00:00Z --json')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-q, --query <query>', 'a saved query (its name or id), or a query written out (docs/LISTENING.md)')
    .option('--text <words>', 'full-text search: every word, whatever its case and accents')
    .option('--network <list>', 'comma-separated networks (bluesky, mastodon, rss, webhook, import…)')
    .option('--lang <list>', 'comma-separated languages (fr, en…)')
    .option('--sentiment <list>', 'comma-separated: negative, neutral, positive')
    .option('--since <iso>', 'created at or after')
    .option('--until <iso>', 'created before')
    .option('-n, --limit <n>', `how many, 1 to ${MAX_LIMIT}`, '50')
    .option('--as <email>', AS_HELP)
    .option('--json', 'print one JSON object {items, nextCursor} (the API’s Mention)')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (options: ListOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${options.limit}"`);
      }
      const search: MentionSearch = {
        ...(options.text ? { text: options.text } : {}),
        ...(options.network ? { networks: list(options.network) } : {}),
        ...(options.lang ? { languages: list(options.lang) } : {}),
        ...(options.sentiment ? { sentiments: parseFlag('--sentiment', sentiments, list(options.sentiment)) } : {}),
        ...(options.since ? { since: parseFlag('--since', instant, options.since) } : {}),
        ...(options.until ? { until: parseFlag('--until', instant, options.until) } : {}),
      };
      await withHearth(options, async (hearth) => {
        const { access } = await actingMember(hearth.db.kysely, options.workspace, options.as);
        if (options.query) {
          const saved = (await listQueries(hearth.db.kysely, access)).find((q) => q.id === options.query || q.name === options.query);
          search.query = saved ? saved.query : options.query;
        }
        const items: MentionView[] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await findMentionPage(hearth.db.kysely, access.workspaceId, { ...search, limit: Math.min(MAX_PAGE, limit - items.length), ...(cursor ? { cursor } : {}) });
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
          if (!cursor || items.length >= limit) {
            break;
          }
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ items, nextCursor: cursor ?? null })}\n`);
        } else if (items.length === 0) {
          process.stdout.write('No mentions match.\n');
        } else {
          process.stdout.write(`${items.map(line).join('\n')}\n${cursor ? `(more: raise --limit)\n` : ''}`);
        }
      });
    });
}
