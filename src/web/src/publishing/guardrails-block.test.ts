import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { guardrailsBlockOf, isOverrideReason } from './guardrails-block';

describe('guardrails block', () => {
  it('reads the blocking rules of a refused schedule', () => {
    const error = new ApiError(
      409,
      'conflict',
      'The guardrails block this post (1 error): …',
      [{ path: 'check.claims.expired-fact', message: 'This fact was valid until 2020-03-31' }],
      true,
    );
    expect(guardrailsBlockOf(error)).toEqual({
      message: 'The guardrails block this post (1 error): …',
      findings: [{ rule: 'claims.expired-fact', message: 'This fact was valid until 2020-03-31' }],
    });
  });

  it('is not a block when the conflict is something else', () => {
    expect(
      guardrailsBlockOf(
        new ApiError(409, 'conflict', 'This post is published: it cannot be scheduled', [], true),
      ),
    ).toBeNull();
    expect(
      guardrailsBlockOf(
        new ApiError(400, 'validation_failed', 'bad', [{ path: 'check.x', message: 'y' }], true),
      ),
    ).toBeNull();
    expect(guardrailsBlockOf(new Error('offline'))).toBeNull();
  });

  it('asks for a reason of at least 10 characters', () => {
    expect(isOverrideReason('  too short ')).toBe(false);
    expect(isOverrideReason('Legal approved the claim')).toBe(true);
  });
});
