import { describe, expect, it } from 'vitest';
import { absoluteUrl } from './invitation-url';

describe('absoluteUrl', () => {
  it('keeps an absolute link', () => {
    expect(absoluteUrl('https://hearth.example/invite/abc', 'http://localhost:3000')).toBe(
      'https://hearth.example/invite/abc',
    );
  });

  it('completes a path with the origin of the page', () => {
    expect(absoluteUrl('/invite/abc', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/invite/abc');
  });
});
