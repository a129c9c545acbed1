// The two pages rendered to HTML with their data already in the cache: what a user sees, network text escaped.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../api/types';
import { WorkspaceContext } from '../../workspaces/workspace-context';
import { listeningKeys } from '../listening.keys';
import type { Competitor, ShareOfVoice, Trends } from './insights.api';

// The app's i18n sets <html lang>: a stand-in document for this server-side render.
(globalThis as { document?: unknown }).document ??= { documentElement: {} };
const { default: i18n } = await import('../../i18n/i18n');
const { TrendsPage } = await import('./TrendsPage');
const { CompetitorsPage } = await import('../competitors/CompetitorsPage');

const workspace: Workspace = {
  id: 'w1',
  name: 'Maison Lumière',
  timeZone: 'Europe/Paris',
  languages: ['fr', 'en'],
  namedThings: { brand: ['Lumière'], products: [], competitors: ['Zorvalta'] },
  approvalPolicy: 'none',
  role: 'owner',
  createdAt: '2026-01-01T00:00:00Z',
};

const hostile = '<img src=x onerror=alert(1)> #Soldes';
const post = {
  id: 'm1',
  network: 'bluesky',
  url: 'javascript:alert(1)',
  author: { handle: 'fan.test', name: 'Fan', followers: 10 },
  text: hostile,
  createdAt: '2026-03-28T08:00:00Z',
  likes: 3,
  reposts: 1,
  replies: 0,
  engagement: 4,
};

function render(page: ReactNode, seed: (client: QueryClient) => void): string {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false, staleTime: Infinity } } });
  seed(client);
  return renderToString(
    createElement(
      MantineProvider,
      null,
      createElement(
        I18nextProvider,
        { i18n },
        createElement(
          QueryClientProvider,
          { client },
          createElement(WorkspaceContext.Provider, { value: workspace }, page),
        ),
      ),
    ),
  );
}

const insights = [...listeningKeys.all('w1'), 'insights'];

describe('insights pages', () => {
  it('shows rising terms with counts, score, formula and escaped sample posts', async () => {
    await i18n.changeLanguage('en');
    const trends: Trends = {
      query: null,
      recent: {
        since: '2026-03-27T09:00:00Z',
        until: '2026-03-28T09:00:00Z',
        hours: 24,
        mentions: 11,
        sampledOneIn: 1,
      },
      baseline: {
        since: '2026-03-20T09:00:00Z',
        until: '2026-03-27T09:00:00Z',
        hours: 168,
        mentions: 28,
        sampledOneIn: 1,
      },
      minCount: 3,
      formula: 'score = (recent − expected) / √(expected + 1)',
      terms: [
        {
          term: '#soldes',
          kind: 'hashtag',
          recent: 6,
          baseline: 7,
          expected: 1,
          score: 3.536,
          ratio: 3.5,
          samples: [post],
        },
      ],
    };
    const html = render(createElement(TrendsPage), (client) => {
      client.setQueryData(
        [...insights, 'trends', { recentHours: 24, baselineHours: 168, minCount: 3 }],
        trends,
      );
      client.setQueryData(listeningKeys.queries('w1'), []);
    });
    expect(html).toContain('#soldes');
    expect(html).toContain('score 3.536');
    expect(html).toContain('score = (recent − expected) / √(expected + 1)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
  });

  it('shows competitors, suggestions and the share of voice with its formula', async () => {
    await i18n.changeLanguage('fr');
    const competitor: Competitor = {
      id: 'c1',
      name: 'Clairlune',
      accounts: [{ network: 'bluesky', handle: 'clairlune.test' }],
      queryId: null,
      query: 'clairlune',
      createdAt: '',
      updatedAt: '',
    };
    const sov: ShareOfVoice = {
      weight: 'mentions',
      since: '',
      until: '',
      formula: 'share = mentions(entity) ÷ (mentions(brand) + Σ mentions(competitors))',
      definition: 'mentions = number of distinct mentions matched',
      total: 8,
      notes: [],
      entities: [
        {
          kind: 'brand',
          id: null,
          name: 'Lumière',
          basis: 'saved queries tagged brand: Brand',
          mentions: 6,
          engagement: 10,
          reach: 100,
          value: 6,
          share: 0.75,
          truncated: false,
        },
        {
          kind: 'competitor',
          id: 'c1',
          name: 'Clairlune',
          basis: 'query clairlune',
          mentions: 2,
          engagement: 1,
          reach: 5,
          value: 2,
          share: 0.25,
          truncated: false,
        },
      ],
    };
    const html = render(createElement(CompetitorsPage), (client) => {
      client.setQueryData([...insights, 'competitors', 'list'], {
        competitors: [competitor],
        suggestions: [{ name: 'Zorvalta', query: '"Zorvalta"', queryId: null }],
      });
      client.setQueryData([...insights, 'competitors', 'sov', 'mentions'], sov);
    });
    expect(html).toContain('Concurrents');
    expect(html).toContain('Ajouter Zorvalta');
    expect(html).toContain('bluesky:clairlune.test');
    expect(html).toContain('share = mentions(entity) ÷ (mentions(brand) + Σ mentions(competitors))');
    expect(html).toContain('75.0 %');
    await i18n.changeLanguage('en');
  });
});
