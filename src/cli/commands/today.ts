/**
 * `hearth today`: what to do now, in priority order (src/today/today.priority.ts), each line saying
 * why and where (the web app's path). `--json` prints the API's Today object. Read-only.
 */
import type { Command } from 'commander';
import { createToday } from '../../today/today.service.js';
import type { TodayItem } from '../../today/today.types.js';
import { actingMember, withWorkspaceOptions, type WorkspaceCommandOptions } from '../acting-member.js';
import { withHearth } from '../context.js';

const LABELS: Record<TodayItem['kind'], string> = {
  conversation: 'reply',
  approval: 'approve',
  post_problem: 'post',
  account: 'account',
  alert: 'alert',
  next_step: 'next step',
  question: 'question',
  trend: 'trend',
};

/** Control characters from the networks' text are not written to a terminal. */
const printable = (text: string): string =>
  [...text].map((char) => (/\p{Cc}/u.test(char) ? ' ' : char)).join('');

export function todayLine(item: TodayItem): string {
  return `${String(item.priority).padStart(3)}  ${LABELS[item.kind].padEnd(9)}  ${printable(item.title)}\n     ${printable(item.why)}\n     → ${item.link}`;
}

export function registerToday(program: Command): void {
  withWorkspaceOptions(
    program
      .command('today')
      .description('What to do now, most urgent first: each item says why it is there and where to do it'),
    'print {generatedAt, fingerprint, items, counts} (the API’s Today)',
  ).action(async (options: WorkspaceCommandOptions) => {
    await withHearth(options, async (hearth) => {
      const db = hearth.db.kysely;
      const { access, workspace } = await actingMember(db, options.workspace, options.as);
      const list = await createToday({ db, clock: hearth.clock }).forMember(access);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(list)}\n`);
        return;
      }
      process.stdout.write(
        list.items.length === 0
          ? `Nothing urgent in ${printable(workspace.name)}.\n`
          : `${list.items.map(todayLine).join('\n')}\n`,
      );
    });
  });
}
