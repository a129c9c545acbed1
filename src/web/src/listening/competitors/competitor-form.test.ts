import { describe, expect, it } from 'vitest';
import { badAccountLines, formOf, inputOf } from './competitor-form';

describe('competitor form', () => {
  it('reads accounts one per line as network:handle, and sends one kind of query', () => {
    const values = {
      name: ' Zorvalta ',
      accounts: 'bluesky:@zorvalta.bsky.social\n\nmastodon:zorvalta@social.example',
      source: 'text' as const,
      queryId: 'q1',
      query: 'zorvalta',
    };
    expect(inputOf(values)).toEqual({
      name: 'Zorvalta',
      accounts: [
        { network: 'bluesky', handle: '@zorvalta.bsky.social' },
        { network: 'mastodon', handle: 'zorvalta@social.example' },
      ],
      queryId: null,
      query: 'zorvalta',
    });
    expect(inputOf({ ...values, source: 'saved' })).toMatchObject({ queryId: 'q1', query: null });
    expect(inputOf({ ...values, source: 'none' })).toMatchObject({ queryId: null, query: null });
    expect(badAccountLines('bluesky:a\nno colon here\n:x\nweb:ok')).toEqual([2, 3]);
  });

  it('round-trips a stored competitor', () => {
    const competitor = {
      id: 'c',
      name: 'Z',
      accounts: [{ network: 'bluesky', handle: 'z.test' }],
      queryId: 'q',
      query: null,
      createdAt: '',
      updatedAt: '',
    };
    expect(inputOf(formOf(competitor))).toEqual({
      name: 'Z',
      accounts: [{ network: 'bluesky', handle: 'z.test' }],
      queryId: 'q',
      query: null,
    });
  });
});
