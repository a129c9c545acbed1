import { describe, expect, it } from 'vitest';
import { peopleCsvUrl, peopleQuery } from './community.api';
import {
  cleanTags,
  filterFromSearch,
  handleText,
  isOverdue,
  personName,
  safeLink,
  searchOfFilter,
} from './community-view';

describe('people filters in the URL', () => {
  it('reads known values and ignores the others', () => {
    const filter = filterFromSearch(
      new URLSearchParams('sort=reach&stage=engaged&level=wizard&network=bluesky&q=%20lea%20&tag='),
    );
    expect(filter).toEqual({ sort: 'reach', stage: 'engaged', network: 'bluesky', q: 'lea' });
  });

  it('sorts by engagement by default and round-trips', () => {
    expect(filterFromSearch(new URLSearchParams('sort=loudest'))).toEqual({ sort: 'engagement' });
    const filter = { sort: 'ambassador', level: 'leading', tag: 'vip' } as const;
    expect(filterFromSearch(searchOfFilter(filter))).toEqual(filter);
    expect(searchOfFilter({ sort: 'engagement' }).toString()).toBe('');
  });

  it('builds the API query and the CSV link with the same filters', () => {
    expect(peopleQuery({ sort: 'name', q: ' a&b ' }, { limit: 50, cursor: 'c1' })).toBe(
      'sort=name&q=a%26b&limit=50&cursor=c1',
    );
    expect(peopleCsvUrl('w 1', { sort: 'reach', stage: 'partner' })).toBe(
      '/api/v1/workspaces/w%201/community/people.csv?sort=reach&stage=partner',
    );
  });
});

describe('profile helpers', () => {
  it('lets only http(s) links through', () => {
    expect(safeLink('https://example.org/a')).toBe('https://example.org/a');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('data:text/html,hi')).toBeNull();
    expect(safeLink('not a url')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });

  it('names a person by name, handle or account key', () => {
    const identity = {
      id: 'i',
      network: 'bluesky',
      accountKey: 'did:plc:x',
      followers: null,
      verified: false,
    };
    expect(personName({ displayName: ' Léa ', identities: [] })).toBe('Léa');
    expect(personName({ displayName: null, identities: [{ ...identity, handle: 'lea.test' }] })).toBe(
      '@lea.test',
    );
    expect(personName({ displayName: '', identities: [{ ...identity, handle: null }] })).toBe('did:plc:x');
    expect(handleText({ handle: '@lea', accountKey: 'lea' })).toBe('@lea');
  });

  it('knows an overdue next step', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(isOverdue('2026-04-30T12:00:00Z', now)).toBe(true);
    expect(isOverdue('2026-05-02T12:00:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('cleans typed tags', () => {
    expect(cleanTags([' #vip', 'vip', '', 'press '])).toEqual(['vip', 'press']);
  });
});

describe('a person merged into another', () => {
  it('finds mergedIntoId wherever the 404 body puts it', async () => {
    const { mergedIntoIdOf } = await import('./community.api');
    expect(mergedIntoIdOf({ error: { code: 'not_found', message: 'm' }, mergedIntoId: 'p2' })).toBe('p2');
    expect(mergedIntoIdOf({ error: { code: 'not_found', message: 'm', mergedIntoId: 'p3' } })).toBe('p3');
    expect(
      mergedIntoIdOf({ error: { code: 'not_found', message: 'm', details: { mergedIntoId: 'p4' } } }),
    ).toBe('p4');
    expect(mergedIntoIdOf({ error: { code: 'not_found', message: 'm' } })).toBeNull();
    expect(mergedIntoIdOf('oops')).toBeNull();
  });
});

describe('the scoring settings form', () => {
  it('checks the values as the server does and sends numbers, an empty cap as none', async () => {
    const { scoringBody, scoringProblems, scoringValues } = await import('./scoring-form');
    const settings = {
      weights: {
        mention: 3,
        reply: 3,
        quote: 3,
        repost: 2,
        like: 1,
        follow: 2,
        comment: 3,
        message: 3,
        post: 2,
        question: 3,
        answer: 3,
      },
      monthlyDecay: 0.9,
      monthlyCap: 3,
      levels: { participating: 3, contributing: 10, leading: 20 },
    };
    const values = scoringValues(settings);
    expect(scoringProblems(values)).toEqual({});
    expect(scoringBody(values)).toEqual(settings);
    const wrong = {
      ...values,
      weights: { ...values.weights, like: -1, reply: '' },
      monthlyDecay: 1.5,
      leading: 5,
    };
    expect(scoringProblems(wrong)).toEqual({
      'weight.like': 'weight',
      'weight.reply': 'number',
      monthlyDecay: 'decay',
      leading: 'order',
    });
    expect(scoringBody({ ...values, monthlyCap: '' }).monthlyCap).toBeNull();
  });
});
