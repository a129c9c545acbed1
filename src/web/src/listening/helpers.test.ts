import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import { bucketLabel, chartOption } from './chart-option';
import type { MentionStats } from './listening.api';
import { dayEndIn, dayOf, dayStartIn, filtersFromSearch, searchOf } from './mentions/filters-url';
import { canManageListening } from './permissions';
import { queryErrorPosition, splitAtError } from './query-error';
import { safeHttpUrl } from './safe-url';
import {
  initialValues,
  settingsSummary,
  SOURCE_KINDS,
  sourceBody,
  sourceProblem,
} from './sources/source-kinds';
import { segmentsOf } from './text-segments';

describe('segmentsOf', () => {
  it('cuts the text at sorted, merged, clamped spans', () => {
    expect(
      segmentsOf('Acme lamp broken', [
        { start: 10, end: 16 },
        { start: 0, end: 4 },
        { start: 2, end: 3 },
      ]),
    ).toEqual([
      { start: 0, text: 'Acme', marked: true },
      { start: 4, text: ' lamp ', marked: false },
      { start: 10, text: 'broken', marked: true },
    ]);
    expect(segmentsOf('abc', [{ start: 1, end: 99 }])).toEqual([
      { start: 0, text: 'a', marked: false },
      { start: 1, text: 'bc', marked: true },
    ]);
    expect(segmentsOf('<b>x</b>', [])).toEqual([{ start: 0, text: '<b>x</b>', marked: false }]);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeHttpUrl('https://social.example/p/1')).toBe('https://social.example/p/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('query errors', () => {
  it('finds the position in the details, else in the message', () => {
    expect(queryErrorPosition({ message: 'x', details: { position: 7 } })).toEqual({ position: 7 });
    expect(queryErrorPosition(new Error('Unclosed quote at 5'))).toEqual({ position: 5 });
    expect(queryErrorPosition(new Error("Unknown field 'lan' at 0 — did you mean lang?"))).toEqual({
      position: 0,
    });
    expect(queryErrorPosition(new Error('The query is empty'))).toBeNull();
  });

  it('splits the query around the position', () => {
    expect(splitAtError('acme "free', 5)).toEqual({ before: 'acme ', at: '"', after: 'free' });
    expect(splitAtError('acme OR', 99)).toEqual({ before: 'acme OR', at: '', after: '' });
  });
});

describe('filters in the URL', () => {
  it('round-trips, dropping unknown values', () => {
    const filters = {
      query: 'acme -job',
      networks: ['bluesky', 'rss'],
      sentiments: ['negative' as const],
      intents: ['question' as const],
    };
    expect(filtersFromSearch(searchOf(filters))).toMatchObject(filters);
    expect(filtersFromSearch(new URLSearchParams('sentiment=angry,positive&intent=&text=%20'))).toEqual({
      queryId: undefined,
      query: undefined,
      text: undefined,
      networks: undefined,
      languages: undefined,
      sentiments: ['positive'],
      intents: undefined,
      since: undefined,
      until: undefined,
    });
  });

  it('reads dates as days of the workspace’s time zone', () => {
    expect(dayStartIn('2026-03-01', 'Europe/Paris')).toBe('2026-02-28T23:00:00.000Z');
    // The day DST starts in Paris is 23 hours long.
    expect(dayEndIn('2026-03-29', 'Europe/Paris')).toBe('2026-03-29T22:00:00.000Z');
    expect(dayOf('2026-03-29T22:00:00.000Z', 'Europe/Paris', true)).toBe('2026-03-29');
    expect(dayOf('2026-02-28T23:00:00.000Z', 'Europe/Paris')).toBe('2026-03-01');
  });
});

describe('source forms', () => {
  const rss = SOURCE_KINDS.find((kind) => kind.kind === 'rss')!;
  it('builds the body and says what is wrong', () => {
    expect(
      sourceBody(rss, { url: ' https://blog.example/feed ', name: '', pollIntervalMinutes: '30' }),
    ).toEqual({
      kind: 'rss',
      url: 'https://blog.example/feed',
      pollIntervalMinutes: 30,
    });
    expect(sourceProblem(rss, {})).toEqual({ field: 'url', problem: 'required' });
    expect(sourceProblem(rss, { url: 'ftp://x' })).toEqual({ field: 'url', problem: 'url' });
    expect(sourceProblem(rss, { url: 'https://x.example', pollIntervalMinutes: '2' })).toEqual({
      field: 'pollIntervalMinutes',
      problem: 'range',
    });
    expect(sourceProblem(rss, { url: 'https://x.example' })).toBeNull();
  });

  it('nests the network sources’ settings, lists as arrays', () => {
    const bluesky = SOURCE_KINDS.find((kind) => kind.kind === 'bluesky')!;
    expect(
      sourceBody(bluesky, { ...initialValues(bluesky), keywords: 'lumiere, "desk lamp"\n#lamps' }),
    ).toEqual({
      kind: 'bluesky',
      settings: {
        keywords: ['lumiere', '"desk lamp"', '#lamps'],
        trackAccounts: true,
        service: 'wss://bsky.network',
      },
    });
    expect(sourceProblem(bluesky, { service: 'ftp://relay.example' })).toEqual({
      field: 'service',
      problem: 'url',
    });
    const mastodon = SOURCE_KINDS.find((kind) => kind.kind === 'mastodon')!;
    expect(sourceProblem(mastodon, {})).toEqual({ field: 'instanceUrl', problem: 'required' });
    expect(sourceBody(mastodon, { instanceUrl: 'https://mastodon.example', hashtags: 'lamps' })).toEqual({
      kind: 'mastodon',
      settings: { instanceUrl: 'https://mastodon.example', hashtags: ['lamps'] },
    });
    expect(
      settingsSummary({ hashtags: ['lamps', 'light'], instanceUrl: 'https://m.example', accountId: null }),
    ).toEqual([
      ['hashtags', 'lamps, light'],
      ['instanceUrl', 'https://m.example'],
    ]);
  });
});

describe('the chart', () => {
  const stats: MentionStats = {
    interval: 'day',
    timeZone: 'Pacific/Kiritimati',
    since: '',
    until: '',
    total: 3,
    buckets: [{ start: '2026-03-01', total: 3, negative: 1, neutral: 0, positive: 2, unknown: 0 }],
    authors: [],
    terms: [],
    termsSample: 0,
    complete: true,
  };
  it('labels local days whatever the zone, and stacks one series per sentiment', () => {
    expect(bucketLabel(stats.buckets[0]!, 'day', 'en-US', 'Pacific/Kiritimati')).toBe('Mar 1');
    const option = chartOption(
      stats,
      { negative: 'N', neutral: 'U', positive: 'P', unknown: '?' },
      'en-US',
      'UTC',
    );
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['N', [1]],
      ['U', [0]],
      ['P', [2]],
      ['?', [0]],
    ]);
  });
});

describe('permissions', () => {
  it('lets managers and above add and remove; others only read', () => {
    const allowed = ROLES.filter((role) => canManageListening(role));
    expect(allowed).toEqual(['owner', 'admin', 'manager']);
  });
});
