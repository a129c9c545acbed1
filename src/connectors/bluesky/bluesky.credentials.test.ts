import { describe, expect, it } from 'vitest';
import { blueskyCredentialsSchema } from './bluesky.credentials.js';

const appPassword = 'abcd-2345-efgh-6789';

describe('Bluesky credentials', () => {
  it('normalise the handle and default to bsky.social', () => {
    expect(blueskyCredentialsSchema.parse({ handle: ' @Alice.BSKY.social ', appPassword })).toEqual({
      handle: 'alice.bsky.social',
      appPassword,
      service: 'https://bsky.social',
    });
  });

  it('accept a DID and another PDS', () => {
    const parsed = blueskyCredentialsSchema.parse({
      handle: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
      appPassword,
      service: 'https://pds.example.org',
    });
    expect(parsed.handle).toBe('did:plc:ewvi7nxzyoun6zhxrhs64oiz');
    expect(parsed.service).toBe('https://pds.example.org');
  });

  it.each([
    ['an account password', { handle: 'alice.bsky.social', appPassword: 'hunter2hunter2' }, 'appPassword'],
    ['a handle without a domain', { handle: 'alice', appPassword }, 'handle'],
    ['a handle with spaces', { handle: 'alice smith.bsky.social', appPassword }, 'handle'],
    [
      'a service that is not http(s)',
      { handle: 'alice.bsky.social', appPassword, service: 'ftp://pds.example.org' },
      'service',
    ],
  ])('refuse %s', (_what, input, field) => {
    const result = blueskyCredentialsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });
});
