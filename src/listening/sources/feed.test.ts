import { describe, expect, it } from 'vitest';
import { FeedError, fetchFeed, parseFeedItems } from './feed.js';
import { textFromHtml } from './html-text.js';

const FEED_URL = 'https://news.example/feed.xml';

describe('feed entries as items', () => {
  it('identifies entries by guid, else link, else a hash of their text; relative links resolve', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><link>https://news.example/</link><description>d</description>
      <item><title>With guid</title><guid>https://news.example/a</guid></item>
      <item><title>Numbered</title><guid isPermaLink="false">17</guid><link>/b</link></item>
      <item><title>Link only</title><link>https://news.example/c</link></item>
      <item><description>No title, no link</description></item>
      <item><title></title></item>
    </channel></rss>`;
    const { format, items } = parseFeedItems(rss, FEED_URL);
    expect(format).toBe('rss');
    expect(items.map((item) => [item.id, item.url])).toEqual([
      ['https://news.example/a', null],
      [`${FEED_URL}#17`, 'https://news.example/b'],
      ['https://news.example/c', 'https://news.example/c'],
      [expect.stringMatching(/^sha256:[0-9a-f]{32}$/) as unknown, null],
    ]);
  });

  it('reads RDF (RSS 1.0) feeds', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://old.example/"><title>Old</title><link>https://old.example/</link><description>d</description></channel>
      <item rdf:about="https://old.example/1"><title>Première</title><link>https://old.example/1</link><description>Texte</description><dc:date>2026-01-02T03:04:05Z</dc:date><dc:creator>Zoé</dc:creator></item>
    </rdf:RDF>`;
    const { format, items } = parseFeedItems(rdf, 'https://old.example/rss');
    expect(format).toBe('rdf');
    expect(items).toEqual([
      expect.objectContaining({ id: 'https://old.example/1', text: 'Première\n\nTexte', createdAt: '2026-01-02T03:04:05.000Z', authorName: 'Zoé', author: 'old.example' }),
    ]);
  });

  it('refuses what is not a feed with a readable reason', () => {
    expect(() => parseFeedItems('<html><body>Hello</body></html>', FEED_URL)).toThrow(FeedError);
    expect(() => parseFeedItems('{"hello": 1}', FEED_URL)).toThrow(/Not a feed Hearth can read/);
  });

  it('decodes the charset the feed declares', async () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description><item><title>Caf\xe9 cr\xe8me</title><guid>https://x.example/1</guid></item></channel></rss>', 'latin1');
    const fetcher = (() => Promise.resolve(new Response(latin1, { status: 200, headers: { 'content-type': 'application/rss+xml' } }))) as typeof fetch;
    const response = await fetchFeed(fetcher, { url: FEED_URL, etag: null, lastModified: null });
    expect(response.status === 'ok' ? response.items[0]?.text : null).toBe('Café crème');
  });

  it('refuses a feed larger than the limit', async () => {
    const fetcher = (() => Promise.resolve(new Response('x'.repeat(2_000), { status: 200 }))) as typeof fetch;
    await expect(fetchFeed(fetcher, { url: FEED_URL, etag: null, lastModified: null }, { maxBytes: 1_000 })).rejects.toThrow(/larger than/);
  });
});

describe('feed HTML to text', () => {
  it('drops markup and scripts, keeps paragraphs, decodes entities', () => {
    expect(textFromHtml('<p>Caf&eacute; &Eacute;quipe &amp; <b>x</b></p><p>second&nbsp;para &#233; &#x1F600;</p><script>alert(1)</script><br/>end')).toBe(
      'Café Équipe & x\n\nsecond para é 😀\n\nend',
    );
    expect(textFromHtml('a &unknown; b &#0; c')).toBe('a &unknown; b &#0; c');
  });
});
