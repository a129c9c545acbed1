import { describe, expect, it } from 'vitest';
import { ApiError, UNEXPECTED_RESPONSE, fieldErrorsFor, hasStatus, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps the code, message and field errors of an API error body', () => {
    const error = toApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'Some fields are invalid',
        fields: [{ path: 'email', message: 'Invalid e-mail' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Some fields are invalid');
    expect(error.fields).toEqual([{ path: 'email', message: 'Invalid e-mail' }]);
    expect(error.fromServer).toBe(true);
  });

  it('drops malformed field entries', () => {
    const error = toApiError(400, {
      error: {
        code: 'x',
        message: 'y',
        fields: [{ path: 'a', message: 'ok' }, { path: 1 }, 'nonsense', null],
      },
    });
    expect(error.fields).toEqual([{ path: 'a', message: 'ok' }]);
  });

  it.each([
    undefined,
    'Bad Gateway',
    { message: 'no error key' },
    { error: { code: 1, message: 'x' } },
    [1, 2],
  ])('stands in for a body that is not an API error (%j)', (body) => {
    const error = toApiError(502, body);
    expect(error.status).toBe(502);
    expect(error.code).toBe(UNEXPECTED_RESPONSE);
    expect(error.fromServer).toBe(false);
    expect(error.fields).toEqual([]);
  });
});

describe('hasStatus', () => {
  it('matches only ApiErrors with one of the statuses', () => {
    const notFound = new ApiError(404, 'not_found', 'Not found');
    expect(hasStatus(notFound, 403, 404)).toBe(true);
    expect(hasStatus(notFound, 401)).toBe(false);
    expect(hasStatus(new Error('404'), 404)).toBe(false);
  });
});

describe('fieldErrorsFor', () => {
  const error = new ApiError(400, 'validation_failed', 'Invalid', [
    { path: 'body.email', message: 'Invalid e-mail' },
    { path: 'languages.0', message: 'Unknown language' },
    { path: 'languages.1', message: 'Second message is dropped' },
    { path: 'unknown', message: 'Not a field of the form' },
  ]);

  it('maps each path to the first segment naming a field of the form', () => {
    expect(fieldErrorsFor(error, ['email', 'languages', 'name'])).toEqual({
      email: 'Invalid e-mail',
      languages: 'Unknown language',
    });
  });

  it('gives nothing for errors that are not ApiErrors', () => {
    expect(fieldErrorsFor(new Error('boom'), ['email'])).toEqual({});
  });
});
