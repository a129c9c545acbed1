/**
 * Inbox KPIs, in the workspace's business hours (inbox/sla.ts: the same maths as the SLA clock):
 * response rate, first-response and resolution times (median, p90), SLA attainment, open issues.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { slaPolicyOf } from '../../inbox/inbox-settings.service.js';
import type { SlaPolicy } from '../../inbox/sla.js';
import { businessCalendar, type BusinessCalendar } from './business-calendar.js';
import type { Kpi, KpiOptions, KpiRange, KpiResult } from './kpi.js';
import { kpisRepo, type ConversationTimes } from './kpis.repo.js';
import { isoRange, memo, plural } from './shared.js';
import { percentile, ratio } from './stats.js';

const OPENED_INPUTS = ['conversations.first_inbound_at', 'conversations.first_response_at', 'conversations.spam'];
const HOURS_INPUTS = ['inbox_settings.business_hours', 'inbox_settings.first_response_minutes', 'workspaces.time_zone'];

const opened = (db: Kysely<Database>, workspaceId: string, range: KpiRange, options: KpiOptions | undefined): Promise<ConversationTimes[]> =>
  memo(options, `opened|${workspaceId}|${range.from.toISOString()}|${range.to.toISOString()}`, () =>
    kpisRepo(db).conversationsOpened(workspaceId, isoRange(range)),
  );

const policy = (db: Kysely<Database>, workspaceId: string, options: KpiOptions | undefined): Promise<SlaPolicy> =>
  memo(options, `sla|${workspaceId}`, () => slaPolicyOf(db, workspaceId));

/** The business calendar of the range (and 30 days after it), prepared once per report. */
const calendar = async (db: Kysely<Database>, workspaceId: string, range: KpiRange, options: KpiOptions | undefined): Promise<BusinessCalendar> => {
  const sla = await policy(db, workspaceId, options);
  return memo(options, `calendar|${workspaceId}|${range.from.toISOString()}|${range.to.toISOString()}`, () =>
    Promise.resolve(businessCalendar(sla.hours, sla.timeZone, range.from, range.to)),
  );
};

const hoursText = (sla: SlaPolicy): string =>
  `business hours ${sla.hours.start}–${sla.hours.end} on ISO weekdays ${sla.hours.days.join(',')}, ${sla.timeZone}`;

/** Median and p90 of business-minute durations, as a KPI result. */
function durations(minutes: number[], sla: SlaPolicy): KpiResult {
  const median = percentile(minutes, 0.5);
  return {
    value: median,
    count: minutes.length,
    breakdown: [
      { label: 'median', value: median, count: minutes.length },
      { label: 'p90', value: percentile(minutes, 0.9), count: minutes.length },
    ],
    note: `In ${hoursText(sla)}.`,
  };
}

export const responseRate: Kpi = {
  id: 'response_rate',
  name: 'Response rate',
  capability: 'inbox',
  version: 1,
  formula:
    'response rate = conversations begun in [from, to) that we answered (a first reply sent, by the time of the report) ÷ conversations begun in [from, to); spam left out',
  inputs: OPENED_INPUTS,
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const rows = await opened(db, workspaceId, range, options);
    const answered = rows.filter((row) => row.first_response_at !== null).length;
    return {
      value: ratio(answered, rows.length),
      count: rows.length,
      breakdown: [
        { label: 'answered', value: answered, count: answered },
        { label: 'not answered', value: rows.length - answered, count: rows.length - answered },
      ],
    };
  },
};

export const firstResponseTime: Kpi = {
  id: 'first_response_time',
  name: 'First-response time',
  capability: 'inbox',
  version: 1,
  formula:
    'first-response time = business minutes from a conversation’s first message to our first reply, over the conversations begun in [from, to) and answered; median and p90 (nearest rank); spam left out',
  inputs: [...OPENED_INPUTS, ...HOURS_INPUTS],
  unit: 'business_minutes',
  higherIsBetter: false,
  async compute(db, workspaceId, range, options) {
    const [rows, sla, hours] = await Promise.all([
      opened(db, workspaceId, range, options),
      policy(db, workspaceId, options),
      calendar(db, workspaceId, range, options),
    ]);
    const minutes = rows.flatMap((row) =>
      row.first_response_at === null ? [] : [hours.between(new Date(row.first_inbound_at), new Date(row.first_response_at))],
    );
    return durations(minutes, sla);
  },
};

export const resolutionTime: Kpi = {
  id: 'resolution_time',
  name: 'Resolution time',
  capability: 'inbox',
  version: 2,
  formula:
    'resolution time = business minutes from a conversation’s first message to its close (closed_at), over the conversations closed in [from, to) and still closed; median and p90 (nearest rank); spam left out. A conversation reopened by a new message and closed again counts once, at its last close',
  inputs: ['conversations.status', 'conversations.first_inbound_at', 'conversations.closed_at', ...HOURS_INPUTS],
  unit: 'business_minutes',
  higherIsBetter: false,
  async compute(db, workspaceId, range, options) {
    const [rows, sla, hours] = await Promise.all([
      kpisRepo(db).conversationsClosed(workspaceId, isoRange(range)),
      policy(db, workspaceId, options),
      calendar(db, workspaceId, range, options),
    ]);
    const result = durations(
      rows.map((row) => hours.between(new Date(row.first_inbound_at), new Date(row.closed_at))),
      sla,
    );
    result.note = `${result.note ?? ''} Conversations closed before close times were recorded (migration 0015) are dated by their last change.`;
    return result;
  },
};

export const slaAttainment: Kpi = {
  id: 'sla_attainment',
  name: 'SLA attainment (first response)',
  capability: 'inbox',
  version: 1,
  formula:
    'SLA attainment = met ÷ (met + missed), over the conversations begun in [from, to): met = first reply within the first-response target in business minutes; missed = answered later, or unanswered past its due time at the time of the report; unanswered and not yet due: left out',
  inputs: [...OPENED_INPUTS, ...HOURS_INPUTS],
  unit: 'ratio',
  higherIsBetter: true,
  async compute(db, workspaceId, range, options) {
    const [rows, sla, hours] = await Promise.all([
      opened(db, workspaceId, range, options),
      policy(db, workspaceId, options),
      calendar(db, workspaceId, range, options),
    ]);
    const now = (options?.now ?? range.to).getTime();
    let met = 0;
    let missed = 0;
    let pending = 0;
    for (const row of rows) {
      const due = hours.add(new Date(row.first_inbound_at), sla.firstResponseMinutes);
      if (due === null) {
        continue;
      }
      if (row.first_response_at !== null) {
        if (Date.parse(row.first_response_at) <= due.getTime()) {
          met++;
        } else {
          missed++;
        }
      } else if (due.getTime() < now) {
        missed++;
      } else {
        pending++;
      }
    }
    const result: KpiResult = {
      value: ratio(met, met + missed),
      count: met + missed,
      breakdown: [
        { label: 'met', value: met, count: met },
        { label: 'missed', value: missed, count: missed },
        { label: 'not yet due', value: pending, count: pending },
      ],
      note: `Target: first reply within ${sla.firstResponseMinutes} business minutes, ${hoursText(sla)}.`,
    };
    if (pending > 0) {
      result.note += ` ${plural(pending, 'conversation')} not answered and not yet due: left out.`;
    }
    return result;
  },
};

export const waitingConversations: Kpi = {
  id: 'waiting_conversations',
  name: 'Open issues (waiting for our answer)',
  capability: 'inbox',
  version: 1,
  formula:
    'open issues = conversations not closed whose last message is theirs, waiting since before the end of the range; read from the current state (the inbox keeps no history of waiting), highest priority first; spam left out',
  inputs: ['conversations.status', 'conversations.awaiting_since', 'conversations.priority', 'conversations.subject'],
  unit: 'count',
  higherIsBetter: false,
  async compute(db, workspaceId, range, options) {
    const waiting = await kpisRepo(db).waitingConversations(workspaceId, range.to.toISOString(), options?.limit ?? 10);
    return {
      value: waiting.total,
      count: waiting.total,
      rows: waiting.rows.map((row) => ({
        priority: row.priority,
        'waiting since': row.awaiting_since,
        network: row.network,
        author: row.author_handle === null ? null : `@${row.author_handle}`,
        subject: row.subject.length > 140 ? `${row.subject.slice(0, 139)}…` : row.subject,
      })),
    };
  },
};
