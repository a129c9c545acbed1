/**
 * Today: one prioritised list of what to do now, computed from the state of the house every time
 * (nothing is stored, so a done thing — an answered conversation, an approved post, a reconnected
 * account, a read alert, a next step moved or cleared — is simply gone at the next read). Each item
 * says why it is there and links to where it is done. Order: today.priority.ts.
 *
 * Every member sees the same list (it is read-only): the capabilities are read as a viewer reads
 * them. Content ideas (rising trends, recurring questions) scan days of mentions, so they are kept
 * for a few minutes per workspace; everything else is read fresh.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { presentConversation, type ConversationRow } from '../inbox/conversations.presenter.js';
import { slaPolicyOf } from '../inbox/inbox-settings.service.js';
import type { PriorityReason } from '../inbox/priority.js';
import { findAlertPage, type AlertView } from '../listening/alerts/alerts.service.js';
import { computeTrends } from '../listening/insights/trends.service.js';
import { words } from '../listening/query/text-tokens.js';
import { listAccounts, NETWORK_NAMES } from '../publishing/accounts.service.js';
import { listPosts } from '../publishing/posts.service.js';
import type { Post } from '../publishing/posts.presenter.js';
import { authorize } from '../workspaces/policy.js';
import { getWorkspace, type Workspace, type WorkspaceAccess } from '../workspaces/workspaces.service.js';
import {
  APPROVAL_URGENT_HOURS,
  compareItems,
  DUE_SOON_MINUTES,
  FRESH_ALERT_HOURS,
  HIGH_PRIORITY,
  NEXT_STEP_HORIZON_HOURS,
  PRIORITY,
} from './today.priority.js';
import { groupQuestions } from './today.questions.js';
import { todayRepo } from './today.repo.js';
import {
  TODAY_KINDS,
  type TodayItem,
  type TodayKind,
  type TodayList,
  type TodayReason,
} from './today.types.js';
import { whyOf } from './today.why.js';

export interface TodayDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface TodayOptions {
  /** How long content ideas are kept per workspace (default 5 minutes). */
  ideasTtlMs?: number;
}

export interface TodayService {
  /** The list for a member (any member may read it). */
  forMember(access: WorkspaceAccess): Promise<TodayList>;
  /** The list of a workspace, without an access check: for the live stream and the CLI. */
  compute(workspaceId: string): Promise<TodayList>;
}

/** At most this many items of each kind. */
export const MAX_PER_KIND = 50;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const QUESTION_DAYS = 7;
const QUESTION_SCAN = 5_000;
const QUESTION_MIN = 3;
const TRENDS_SHOWN = 3;

type Draft = Omit<TodayItem, 'why'>;

interface Context {
  db: Kysely<Database>;
  clock: Clock;
  now: Date;
  workspace: Workspace;
  /** The reads of other capabilities are made as a viewer: what every member may read. */
  reader: WorkspaceAccess;
  base: string;
}

const minutesBetween = (from: string | number, to: number): number =>
  Math.max(0, Math.round((to - (typeof from === 'number' ? from : Date.parse(from))) / MINUTE));

const firstLine = (text: string, max = 120): string => {
  const line = text.trim().split('\n')[0]?.replace(/\s+/g, ' ') ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

export function createToday(deps: TodayDeps, options: TodayOptions = {}): TodayService {
  const ttl = options.ideasTtlMs ?? 5 * MINUTE;
  const ideasCache = new Map<string, { at: number; items: Draft[] }>();

  async function ideas(ctx: Context): Promise<Draft[]> {
    const cached = ideasCache.get(ctx.workspace.id);
    const nowMs = ctx.now.getTime();
    if (cached && nowMs >= cached.at && nowMs - cached.at < ttl) {
      return cached.items;
    }
    const items = [...(await questions(ctx)), ...(await trends(ctx))];
    ideasCache.set(ctx.workspace.id, { at: nowMs, items });
    return items;
  }

  async function compute(workspaceId: string): Promise<TodayList> {
    const reader: WorkspaceAccess = { workspaceId, userId: '', role: 'viewer' };
    const workspace = await getWorkspace(deps.db, reader);
    const now = deps.clock.now();
    const ctx: Context = { ...deps, now, workspace, reader, base: `/w/${encodeURIComponent(workspaceId)}` };
    const groups = await Promise.all([
      conversations(ctx),
      approvals(ctx),
      postProblems(ctx),
      accounts(ctx),
      alerts(ctx),
      nextSteps(ctx),
      ideas(ctx),
    ]);
    const counts = Object.fromEntries(TODAY_KINDS.map((kind) => [kind, 0])) as Record<TodayKind, number>;
    const items: TodayItem[] = [];
    for (const draft of groups.flat().sort(compareItems)) {
      if (counts[draft.kind] >= MAX_PER_KIND) {
        continue;
      }
      counts[draft.kind] += 1;
      items.push({ ...draft, why: whyOf(draft.reasons, workspace.timeZone) });
    }
    return { generatedAt: now.toISOString(), fingerprint: fingerprintOf(items), items, counts };
  }

  return {
    forMember: (access) => {
      authorize(access.role, 'workspace.read');
      return compute(access.workspaceId);
    },
    compute,
  };
}

/**
 * What makes the list different for a person: which items, their order and what they say — not the
 * minutes counted in their sentences nor the dates in their links, which move on their own.
 */
export function fingerprintOf(items: readonly TodayItem[]): string {
  const shape = items.map((item) => [
    item.id,
    item.title,
    item.due,
    item.priority,
    item.reasons.map((r) => r.code),
  ]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 22);
}

function priorityReason(reasons: readonly PriorityReason[], score: number): TodayReason {
  const sorted = [...reasons].sort((a, b) => b.points - a.points);
  const values: TodayReason['values'] = { score, signals: sorted.map((reason) => reason.code).join(',') };
  for (const reason of sorted) {
    const detail = reason.detail ?? {};
    if (reason.code === 'reach' && typeof detail.followers === 'number') {
      values.followers = detail.followers;
    } else if (reason.code === 'waiting' && typeof detail.minutes === 'number') {
      values.waitingMinutes = detail.minutes;
    } else if (reason.code === 'rule' && typeof detail.rule === 'string' && values.rule === undefined) {
      values.rule = detail.rule;
    }
  }
  return { code: 'priority', values };
}

/** Conversations past or near their service level, and high-priority ones waiting for us. */
async function conversations(ctx: Context): Promise<Draft[]> {
  const policy = await slaPolicyOf(ctx.db, ctx.workspace.id);
  // The shown priority adds up to 20 points of waiting to the stored one.
  const rows = await todayRepo(ctx.db).waitingConversations(
    ctx.workspace.id,
    ctx.now.toISOString(),
    HIGH_PRIORITY - 20,
  );
  const nowMs = ctx.now.getTime();
  return rows.flatMap((row: ConversationRow): Draft[] => {
    const view = presentConversation(row, null, policy, ctx.now);
    const score = view.priority.score;
    const reasons: TodayReason[] = [];
    let priority: number | null = null;
    const sla = view.sla;
    if (sla) {
      const left = Math.round((Date.parse(sla.dueAt) - nowMs) / MINUTE);
      if (sla.overdue || left < 0) {
        reasons.push({ code: `${sla.target}_overdue`, values: { minutes: Math.max(0, -left) } });
        priority = PRIORITY.conversationOverdue(score);
      } else if (left <= DUE_SOON_MINUTES) {
        reasons.push({ code: `${sla.target}_due`, values: { minutes: left } });
        priority = PRIORITY.conversationDueSoon(score);
      }
    }
    if (priority === null && score >= HIGH_PRIORITY) {
      priority = PRIORITY.conversationHigh(score);
    }
    if (priority === null) {
      return [];
    }
    if (row.status === 'pending') {
      reasons.push({ code: 'pending', values: {} });
    }
    if (view.priority.reasons.length > 0) {
      reasons.push(priorityReason(view.priority.reasons, score));
    }
    const who = row.author_name ?? (row.author_handle ? `@${row.author_handle}` : 'Someone');
    const query = new URLSearchParams(
      row.status === 'open' ? { c: row.id } : { view: row.status, c: row.id },
    );
    return [
      {
        id: `conversation:${row.id}`,
        kind: 'conversation',
        priority,
        title: `${who}: ${firstLine(row.subject)}`,
        reasons,
        link: `${ctx.base}/inbox?${query.toString()}`,
        at: row.awaiting_since,
        due: sla?.dueAt ?? null,
      },
    ];
  });
}

/** Posts waiting for a manager's approval. */
async function approvals(ctx: Context): Promise<Draft[]> {
  const posts = await listPosts({ db: ctx.db }, ctx.reader, { statuses: ['in_review'], limit: 200 });
  const nowMs = ctx.now.getTime();
  return posts.map((post) => {
    const reasons: TodayReason[] = [
      { code: 'awaiting_approval', values: { minutes: minutesBetween(post.updatedAt, nowMs) } },
    ];
    if (post.publishAt !== null) {
      reasons.push({
        code: Date.parse(post.publishAt) < nowMs ? 'publish_time_passed' : 'publishes_at',
        values: { at: post.publishAt },
      });
    }
    const urgent =
      post.publishAt !== null && Date.parse(post.publishAt) <= nowMs + APPROVAL_URGENT_HOURS * HOUR;
    return {
      id: `approval:${post.id}`,
      kind: 'approval',
      priority: PRIORITY.approval(urgent),
      title: firstLine(post.text),
      reasons,
      link: `${ctx.base}/publish/${encodeURIComponent(post.id)}`,
      at: post.updatedAt,
      due: post.publishAt,
    };
  });
}

/** Posts that did not go out, or whose outcome nobody knows. */
async function postProblems(ctx: Context): Promise<Draft[]> {
  const posts = await listPosts({ db: ctx.db }, ctx.reader, {
    statuses: ['failed', 'unconfirmed'],
    limit: MAX_PER_KIND,
  });
  return posts.map((post: Post) => {
    const reasons: TodayReason[] = post.targets
      .filter((target) => target.status === 'failed' || target.status === 'unconfirmed')
      .slice(0, 3)
      .map((target): TodayReason =>
        target.status === 'failed'
          ? {
              code: 'publish_failed',
              values: { handle: target.handle, error: firstLine(target.lastError ?? '', 200) },
            }
          : { code: 'publish_unconfirmed', values: { handle: target.handle } },
      );
    return {
      id: `post_problem:${post.id}`,
      kind: 'post_problem',
      priority: post.status === 'failed' ? PRIORITY.postFailed : PRIORITY.postUnconfirmed,
      title: firstLine(post.text),
      reasons:
        reasons.length > 0
          ? reasons
          : [
              {
                code: post.status === 'failed' ? 'publish_failed' : 'publish_unconfirmed',
                values: { handle: '?' },
              },
            ],
      link: `${ctx.base}/publish/${encodeURIComponent(post.id)}`,
      at: post.updatedAt,
      due: null,
    };
  });
}

/** Connected accounts whose credentials the network refuses, with what that holds up. */
async function accounts(ctx: Context): Promise<Draft[]> {
  const failing = (await listAccounts({ db: ctx.db }, ctx.reader)).filter(
    (account) => account.health === 'failing',
  );
  if (failing.length === 0) {
    return [];
  }
  const scheduled = await listPosts({ db: ctx.db }, ctx.reader, { statuses: ['scheduled'], limit: 1_000 });
  return failing.map((account) => {
    const held = scheduled
      .flatMap((post) => post.targets)
      .filter(
        (target) =>
          target.accountId === account.id && (target.status === 'scheduled' || target.status === 'pending'),
      );
    const firstDue =
      held
        .map((target) => target.publishAt)
        .filter((at): at is string => at !== null)
        .sort()[0] ?? null;
    const reasons: TodayReason[] = [
      {
        code: 'credentials_refused',
        values: {
          network: NETWORK_NAMES[account.network],
          message: firstLine(account.healthMessage ?? '', 200),
        },
      },
    ];
    if (held.length > 0) {
      reasons.push({ code: 'scheduled_blocked', values: { count: held.length } });
    }
    return {
      id: `account:${account.id}`,
      kind: 'account',
      priority: PRIORITY.account(held.length),
      title: account.network === 'webhook' ? account.handle : `@${account.handle}`,
      reasons,
      link: `${ctx.base}/settings/accounts`,
      at: account.checkedAt,
      due: firstDue,
    };
  });
}

const percent = (share: number | null): number => (share === null ? 0 : Math.round(share * 1000) / 10);
const oneDecimal = (value: number | null): number => (value === null ? 0 : Math.round(value * 10) / 10);

function alertReason(alert: AlertView): TodayReason {
  const explanation = alert.explanation;
  switch (explanation.kind) {
    case 'volume_spike':
      return {
        code: 'alert_volume_spike',
        values: {
          observed: explanation.observed,
          hours: explanation.windowHours,
          usual: oneDecimal(explanation.mean),
        },
      };
    case 'negative_surge':
      return {
        code: 'alert_negative_surge',
        values: { share: percent(explanation.share), usual: percent(explanation.baselineShare) },
      };
    case 'high_reach':
      return {
        code: 'alert_high_reach',
        values: { author: explanation.mention.author ?? '?', followers: explanation.followers },
      };
    case 'opportunity':
      return {
        code: 'alert_opportunity',
        values: {
          intent: explanation.intent,
          query: explanation.query.name,
          author: explanation.mention.author ?? '',
        },
      };
  }
}

/** Unread alerts fired lately. */
async function alerts(ctx: Context): Promise<Draft[]> {
  const page = await findAlertPage(ctx.db, ctx.workspace.id, { unread: true, limit: 100 });
  const nowMs = ctx.now.getTime();
  const since = nowMs - FRESH_ALERT_HOURS * HOUR;
  return page.alerts
    .filter((alert) => Date.parse(alert.firedAt) >= since)
    .map((alert) => ({
      id: `alert:${alert.id}`,
      kind: 'alert',
      priority: PRIORITY.alert[alert.kind],
      title: alert.ruleName,
      reasons: [
        alertReason(alert),
        { code: 'unread', values: { minutes: minutesBetween(alert.firedAt, nowMs) } },
      ],
      link: `${ctx.base}/listen/alerts`,
      at: alert.firedAt,
      due: null,
    }));
}

/** Relationship next steps due by tomorrow (or late). */
async function nextSteps(ctx: Context): Promise<Draft[]> {
  const nowMs = ctx.now.getTime();
  const until = new Date(nowMs + NEXT_STEP_HORIZON_HOURS * HOUR).toISOString();
  const rows = await todayRepo(ctx.db).dueNextSteps(ctx.workspace.id, until, MAX_PER_KIND);
  return rows.map((row): Draft => {
    const overdue = Date.parse(row.next_step_due) < nowMs;
    const step = firstLine(row.next_step, 200);
    return {
      id: `next_step:${row.id}`,
      kind: 'next_step',
      priority: PRIORITY.nextStep(overdue),
      title: row.display_name ?? step,
      reasons: [
        overdue
          ? { code: 'next_step_overdue', values: { step, minutes: minutesBetween(row.next_step_due, nowMs) } }
          : { code: 'next_step_due', values: { step, at: row.next_step_due } },
      ],
      link: `${ctx.base}/community/people/${encodeURIComponent(row.id)}`,
      at: null,
      due: row.next_step_due,
    };
  });
}

/** This week's recurring questions: by shared terms, and by the saved query they matched. */
async function questions(ctx: Context): Promise<Draft[]> {
  const until = ctx.now.toISOString();
  const since = new Date(ctx.now.getTime() - QUESTION_DAYS * 24 * HOUR).toISOString();
  const repo = todayRepo(ctx.db);
  const [mentions, byQuery] = await Promise.all([
    repo.questionMentions(ctx.workspace.id, since, until, QUESTION_SCAN),
    repo.questionsByQuery(ctx.workspace.id, since, until),
  ]);
  // The brand's own name is in most questions to it: it says nothing about what they ask.
  const ignore = new Set(
    ctx.workspace.namedThings.brand.flatMap((name) => [...words(name), words(name).join(' ')]),
  );
  const link = (extra: Record<string, string>): string =>
    `${ctx.base}/listen?${new URLSearchParams({ intent: 'question', since: `${since.slice(0, 13)}:00:00.000Z`, ...extra }).toString()}`;
  const byTerm = groupQuestions(
    mentions.map((mention) => mention.text),
    { minCount: QUESTION_MIN, limit: 3, ignore },
  ).map((group): Draft => ({
    id: `question:${group.term}`,
    kind: 'question',
    priority: PRIORITY.question(group.count),
    title: group.term,
    reasons: [{ code: 'asked', values: { count: group.count, topic: group.term } }],
    link: link({ text: group.term }),
    at: null,
    due: null,
  }));
  const queries = byQuery
    .filter((group) => group.count >= QUESTION_MIN)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 2)
    .map((group): Draft => ({
      id: `question:query:${group.queryId}`,
      kind: 'question',
      priority: PRIORITY.question(group.count),
      title: group.name,
      reasons: [{ code: 'asked', values: { count: group.count, topic: group.name } }],
      link: link({ queryId: group.queryId }),
      at: null,
      due: null,
    }));
  return [...queries, ...byTerm];
}

/** The few terms rising most (listening's trends, default windows). */
async function trends(ctx: Context): Promise<Draft[]> {
  const report = await computeTrends(ctx.db, ctx.clock, ctx.workspace.id, { limit: TRENDS_SHOWN });
  return report.terms.map((term) => ({
    id: `trend:${term.term}`,
    kind: 'trend',
    priority: PRIORITY.trend(term.ratio),
    title: term.term,
    reasons: [
      {
        code: 'trend_rising',
        values: {
          term: term.term,
          recent: term.recent,
          hours: report.recent.hours,
          expected: oneDecimal(term.expected),
          ratio: oneDecimal(term.ratio),
        },
      },
    ],
    link: `${ctx.base}/listen/trends`,
    at: null,
    due: null,
  }));
}
