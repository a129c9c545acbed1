import { describe, expect, it } from 'vitest';
import { extractUrls, findUrls } from './urls.js';

describe('extractUrls', () => {
  it('finds http(s) links and drops trailing punctuation', () => {
    expect(
      extractUrls('Notre article : https://example.fr/blog/ete-2026. Et aussi http://example.com/a?b=1&c=2!'),
    ).toEqual(['https://example.fr/blog/ete-2026', 'http://example.com/a?b=1&c=2']);
  });

  it('keeps balanced parentheses and drops the sentence ones', () => {
    expect(
      extractUrls('(voir https://en.wikipedia.org/wiki/Brand_(marketing)) and (https://example.com/page).'),
    ).toEqual(['https://en.wikipedia.org/wiki/Brand_(marketing)', 'https://example.com/page']);
  });

  it('finds bare domains and www. links as networks auto-link them', () => {
    expect(
      extractUrls('Commandez sur boutique.example.com/soldes, www.example.org ou example.co.uk...'),
    ).toEqual(['boutique.example.com/soldes', 'www.example.org', 'example.co.uk']);
  });

  it('does not take e-mail domains, handles or file names for links', () => {
    expect(extractUrls('Mail contact@example.com, follow @brand.com, open report.pdf or Node.js')).toEqual(
      [],
    );
  });

  it('gives spans in the original text', () => {
    const text = 'Lien 👉 https://x.example.com/p?q=é.';
    const [match] = findUrls(text);
    expect(match?.url).toBe('https://x.example.com/p?q=é');
    expect(text.slice(match?.start, match?.end)).toBe('https://x.example.com/p?q=é');
  });
});
