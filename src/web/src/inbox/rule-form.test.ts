import { describe, expect, it } from 'vitest';
import { describeRule, EMPTY_RULE, ruleRequest, type RuleWords } from './rule-form';

const words: RuleWords = {
  member: (id) => (id === 'u1' ? 'Camille' : id),
  department: (id) => (id === 'd1' ? 'Support' : id),
  query: (id) => (id === 'q1' ? 'Refunds' : id),
  followers: (count) => `≥ ${count} followers`,
  always: 'every new conversation',
  roundRobin: 'whoever is on duty',
  spam: 'spam',
  closed: 'closed',
};

describe('the routing rule form', () => {
  it('sends only what was chosen', () => {
    expect(ruleRequest({ ...EMPTY_RULE, name: '  Everyone  ', assign: 'round-robin' })).toEqual({
      name: 'Everyone',
      conditions: {},
      actions: { assign: { roundRobin: true } },
    });
    expect(
      ruleRequest({
        ...EMPTY_RULE,
        name: 'VIP',
        languages: [' FR '],
        intents: ['complaint'],
        minFollowers: 0,
        raisePriority: 15,
        notifyDepartmentId: 'd1',
        markSpam: false,
        close: true,
      }),
    ).toEqual({
      name: 'VIP',
      conditions: { languages: ['fr'], intents: ['complaint'], minFollowers: 0 },
      actions: { raisePriority: 15, notifyDepartmentId: 'd1', close: true },
    });
  });

  it('says a rule in short words, naming members, departments and queries', () => {
    expect(
      describeRule(
        {
          conditions: { sentiments: ['negative'], queryIds: ['q1'], minFollowers: 10_000 },
          actions: { addTags: ['refund'], assign: { userId: 'u1' }, notifyDepartmentId: 'd1' },
        },
        words,
      ),
    ).toEqual({
      when: 'negative · Refunds · ≥ 10000 followers',
      then: '#refund · → Camille · ✉ Support',
    });
    expect(
      describeRule({ conditions: {}, actions: { assign: { roundRobin: true }, markSpam: true } }, words),
    ).toEqual({ when: 'every new conversation', then: '→ whoever is on duty · spam' });
  });
});
