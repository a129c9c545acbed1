import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { newDraftKey } from './draft-key';
import { changedConversationIds } from './inbox-events';
import { conversationQuery } from './inbox.api';
import { filterOf, inboxStateOf, searchOfInboxState } from './inbox-view';
import { canManageInbox, canReply } from './permissions';
import { byWeight, describeReason, formatCount, formatDuration, slaStanding } from './priority-reasons';
import { categoryOfRule, replyBlockOf, withPassages } from './reply-block';
import { serviceLevelBody, serviceLevelProblems } from './service-levels';
import { defaultSnooze } from './snooze';

const units = { day: 'd', hour: 'h', minute: 'min' };

describe('priority reasons', () => {
  it('describes each reason from its code and facts', () => {
    expect(describeReason({ code: 'negative', points: 25 })).toEqual({ kind: 'simple', code: 'negative' });
    expect(describeReason({ code: 'question', points: 15 })).toEqual({ kind: 'simple', code: 'question' });
    expect(describeReason({ code: 'reach', points: 18, detail: { followers: 12_400 } })).toEqual({
      kind: 'reach',
      followers: 12_400,
    });
    expect(describeReason({ code: 'waiting', points: 18, detail: { minutes: 185 } })).toEqual({
      kind: 'waiting',
      minutes: 185,
    });
  });

  it('keeps a code it does not know (or one without its facts) with its points', () => {
    expect(describeReason({ code: 'vip', points: 30 })).toEqual({ kind: 'other', code: 'vip', points: 30 });
    expect(describeReason({ code: 'reach', points: 8, detail: { followers: 'many' } })).toEqual({
      kind: 'other',
      code: 'reach',
      points: 8,
    });
  });

  it('puts the heaviest reasons first without changing the input', () => {
    const reasons = [
      { code: 'question', points: 15 },
      { code: 'negative', points: 25 },
    ];
    expect(byWeight(reasons).map((r) => r.code)).toEqual(['negative', 'question']);
    expect(reasons[0]?.code).toBe('question');
  });

  it('writes follower counts in the reader’s language', () => {
    expect(formatCount(12_400, 'en')).toBe('12,400');
    expect(formatCount(12_400, 'fr')).toMatch(/^12\s400$/u);
  });
});

describe('formatDuration', () => {
  it('says a wait with two units at most', () => {
    expect(formatDuration(0, units)).toBe('0 min');
    expect(formatDuration(45, units)).toBe('45 min');
    expect(formatDuration(180, units)).toBe('3 h');
    expect(formatDuration(185, units)).toBe('3 h 5 min');
    expect(formatDuration(1_440, units)).toBe('1 d');
    expect(formatDuration(2 * 1_440 + 4 * 60 + 59, units)).toBe('2 d 4 h');
  });

  it('never shows a negative or fractional wait', () => {
    expect(formatDuration(-5, units)).toBe('0 min');
    expect(formatDuration(59.9, units)).toBe('59 min');
  });
});

describe('slaStanding', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const sla = (dueAt: string, overdue = false) => ({ target: 'first_response' as const, dueAt, overdue });

  it('counts minutes left, due soon within half an hour', () => {
    expect(slaStanding(sla('2026-12-07T11:00:00Z'), now)).toEqual({ tone: 'ok', minutes: 60 });
    expect(slaStanding(sla('2026-12-07T10:20:00Z'), now)).toEqual({ tone: 'soon', minutes: 20 });
  });

  it('counts minutes late once overdue, as the server says or the clock shows', () => {
    expect(slaStanding(sla('2026-12-07T09:35:00Z', true), now)).toEqual({ tone: 'overdue', minutes: 25 });
    expect(slaStanding(sla('2026-12-07T09:50:00Z', false), now)).toEqual({ tone: 'overdue', minutes: 10 });
  });
});

describe('the inbox state in the URL', () => {
  it('defaults to open conversations by priority, for everyone', () => {
    const state = inboxStateOf(new URLSearchParams(''));
    expect(state).toEqual({
      view: 'open',
      assignee: 'everyone',
      network: '',
      search: '',
      sort: 'priority',
      conversation: null,
    });
    expect(searchOfInboxState(state).toString()).toBe('');
    expect(filterOf(state)).toEqual({ status: 'open', spam: false, sort: 'priority' });
  });

  it('round-trips every field and ignores values it does not know', () => {
    const params = new URLSearchParams('view=pending&assignee=me&network=bluesky&q=lamp&sort=newest&c=abc');
    const state = inboxStateOf(params);
    expect(searchOfInboxState(state).toString()).toBe(params.toString());
    expect(filterOf(state)).toEqual({
      status: 'pending',
      spam: false,
      assignee: 'me',
      network: 'bluesky',
      search: 'lamp',
      sort: 'newest',
    });
    expect(inboxStateOf(new URLSearchParams('view=trash&assignee=bob&sort=oldest'))).toMatchObject({
      view: 'open',
      assignee: 'everyone',
      sort: 'priority',
    });
  });

  it('shows spam of every status in the spam view', () => {
    expect(filterOf(inboxStateOf(new URLSearchParams('view=spam&assignee=none')))).toEqual({
      spam: true,
      assignee: 'none',
      sort: 'priority',
    });
  });

  it('builds the list request, blank search left out', () => {
    expect(conversationQuery({ status: 'open', spam: false, search: '  ', sort: 'priority' }, 'next')).toBe(
      'status=open&spam=false&sort=priority&limit=50&cursor=next',
    );
  });
});

describe('a reply refused by the guardrails', () => {
  const refusal = new ApiError(
    409,
    'conflict',
    'The guardrails block this reply (1 error): aggressive',
    [
      { path: 'check.tone.aggressive', message: 'This reply reads as aggressive' },
      { path: 'check.spelling.unknown-word', message: 'Unknown word' },
    ],
    true,
  );

  it('becomes findings for the finding list, one per blocking rule', () => {
    const block = replyBlockOf(refusal);
    expect(block?.message).toMatch(/guardrails block/);
    expect(block?.findings.map((f) => [f.rule, f.category, f.severity, f.message])).toEqual([
      ['tone.aggressive', 'tone', 'error', 'This reply reads as aggressive'],
      ['spelling.unknown-word', 'spelling', 'error', 'Unknown word'],
    ]);
  });

  it('is not any other failure', () => {
    expect(replyBlockOf(new ApiError(409, 'conflict', 'Account removed', [], true))).toBeNull();
    expect(
      replyBlockOf(new ApiError(400, 'validation_failed', 'x', [{ path: 'check.x', message: 'y' }])),
    ).toBeNull();
    expect(replyBlockOf(new Error('boom'))).toBeNull();
  });

  it('takes the findings of a full check, with their passages, errors first, when it blocks too', () => {
    const block = replyBlockOf(refusal);
    if (block === null) {
      throw new Error('expected a block');
    }
    const finding = (severity: 'error' | 'warning', text: string) => ({
      rule: 'tone.aggressive',
      category: 'tone' as const,
      severity,
      start: 0,
      end: text.length,
      text,
      message: 'm',
      suggestions: [],
    });
    const check = {
      verdict: 'block' as const,
      score: 10,
      language: 'en' as const,
      findings: [finding('warning', 'FAQ'), finding('error', 'stupid')],
    };
    expect(withPassages(block, check).findings.map((f) => f.text)).toEqual(['stupid', 'FAQ']);
    expect(withPassages(block, check).message).toBe(block.message);
    expect(withPassages(block, { ...check, verdict: 'warn' })).toBe(block);
  });

  it('names a family it does not know as voice', () => {
    expect(categoryOfRule('claims.expired')).toBe('claims');
    expect(categoryOfRule('mystery.rule')).toBe('voice');
  });
});

describe('service levels', () => {
  const values = {
    firstResponseMinutes: 60,
    nextResponseMinutes: '240',
    days: ['5', '1'],
    start: '09:00',
    end: '18:00',
  };

  it('accepts good values and sends them as numbers, days sorted', () => {
    expect(serviceLevelProblems(values)).toEqual({});
    expect(serviceLevelBody(values)).toEqual({
      firstResponseMinutes: 60,
      nextResponseMinutes: 240,
      businessHours: { days: [1, 5], start: '09:00', end: '18:00' },
    });
  });

  it('says what is wrong, field by field', () => {
    expect(
      serviceLevelProblems({
        firstResponseMinutes: 0,
        nextResponseMinutes: 1.5,
        days: [],
        start: '9h',
        end: '18:00',
      }),
    ).toEqual({
      firstResponseMinutes: 'minutes',
      nextResponseMinutes: 'minutes',
      days: 'days',
      start: 'time',
    });
    expect(serviceLevelProblems({ ...values, start: '18:00', end: '09:00' })).toEqual({ end: 'order' });
    expect(serviceLevelProblems({ ...values, firstResponseMinutes: '' })).toEqual({
      firstResponseMinutes: 'minutes',
    });
  });
});

describe('small helpers', () => {
  it('reads the conversation ids of a change event, and nothing from anything else', () => {
    expect(changedConversationIds('{"conversationIds":["a","b",3]}')).toEqual(['a', 'b']);
    expect(changedConversationIds('{"other":1}')).toEqual([]);
    expect(changedConversationIds('not json')).toEqual([]);
    expect(changedConversationIds('null')).toEqual([]);
  });

  it('makes a fresh draft key, with or without randomUUID', () => {
    expect(newDraftKey()).toMatch(/^[0-9a-f-]{36}$/);
    expect(newDraftKey()).not.toBe(newDraftKey());
    const legacy = { getRandomValues: (array: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(array) };
    expect(newDraftKey(legacy)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lets agents and above act, managers and above set the inbox up', () => {
    expect(canReply('agent')).toBe(true);
    expect(canReply('editor')).toBe(false);
    expect(canReply('viewer')).toBe(false);
    expect(canManageInbox('manager')).toBe(true);
    expect(canManageInbox('agent')).toBe(false);
  });

  it('offers tomorrow 09:00 in the workspace’s zone as the snooze time', () => {
    expect(defaultSnooze(Date.parse('2026-12-07T23:30:00Z'), 'Europe/Paris')).toBe('2026-12-09T09:00');
    expect(defaultSnooze(Date.parse('2026-12-07T10:00:00Z'), 'UTC')).toBe('2026-12-08T09:00');
  });
});
