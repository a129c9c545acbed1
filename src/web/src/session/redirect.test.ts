import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './redirect';

describe('safeNext', () => {
  it('keeps paths of this app', () => {
    expect(safeNext('/w/abc/settings/members?tab=1')).toBe('/w/abc/settings/members?tab=1');
  });

  it.each([
    null,
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
  ])('refuses %j and goes home', (next) => {
    expect(safeNext(next)).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries where to come back to', () => {
    expect(signInPath('/w/abc/inbox?x=1')).toBe('/signin?next=%2Fw%2Fabc%2Finbox%3Fx%3D1');
  });

  it('needs no `next` for the home page', () => {
    expect(signInPath('/')).toBe('/signin');
  });

  it('round-trips through safeNext', () => {
    const next = new URL(signInPath('/w/abc/today'), 'http://localhost').searchParams.get('next');
    expect(safeNext(next)).toBe('/w/abc/today');
  });
});
