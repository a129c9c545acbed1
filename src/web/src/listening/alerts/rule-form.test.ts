import { describe, expect, it } from 'vitest';
import type { AlertRule } from './alerts.api';
import { defaultParams, emailsOf, formValuesOf, ruleInput, specInput, withKind } from './rule-form';

describe('the alert rule form', () => {
  it('starts from the server’s defaults and sends only the current kind’s parameters', () => {
    const values = formValuesOf(null);
    expect(values.params).toEqual({
      windowHours: 1,
      baselineWeeks: 6,
      minBaselineWeeks: 3,
      zThreshold: 3,
      minVolume: 10,
      cooldownMinutes: 180,
    });
    const reach = withKind({ ...values, params: { ...values.params, zThreshold: 5 } }, 'high_reach');
    expect(specInput(reach)).toEqual({
      kind: 'high_reach',
      queryId: null,
      params: { minFollowers: 10_000, cooldownMinutes: 0 },
    });
    expect(defaultParams('opportunity')).toEqual({ cooldownMinutes: 0 });
  });

  it('reads recipients as one list and leaves an empty webhook out', () => {
    expect(emailsOf(' a@brand.test, b@brand.test;\nc@brand.test  a@brand.test ')).toEqual([
      'a@brand.test',
      'b@brand.test',
      'c@brand.test',
    ]);
    const input = ruleInput({
      ...formValuesOf(null),
      name: '  Spike ',
      queryId: 'q1',
      emails: 'pr@brand.test',
      webhookUrl: '  ',
    });
    expect(input).toMatchObject({
      name: 'Spike',
      queryId: 'q1',
      channels: { email: ['pr@brand.test'], webhookUrl: null },
      enabled: true,
    });
  });

  it('edits a saved rule with its own values', () => {
    const rule: AlertRule = {
      id: 'r1',
      name: 'Crisis',
      kind: 'negative_surge',
      queryId: null,
      queryName: null,
      params: {
        windowHours: 2,
        baselineWeeks: 4,
        minBaselineWeeks: 2,
        zThreshold: 3,
        minMentions: 30,
        minRatio: 2,
        cooldownMinutes: 60,
      },
      channels: {
        email: ['pr@brand.test', 'ceo@brand.test'],
        webhookUrl: 'https://hooks.example/x',
        webhook: true,
      },
      enabled: false,
      lastFiredAt: null,
      createdAt: '',
      updatedAt: '',
    };
    const values = formValuesOf(rule);
    expect(values).toMatchObject({
      name: 'Crisis',
      queryId: '',
      emails: 'pr@brand.test, ceo@brand.test',
      webhookUrl: 'https://hooks.example/x',
      enabled: false,
    });
    expect(ruleInput(values).params).toEqual(rule.params);
  });
});
