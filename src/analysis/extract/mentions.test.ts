import { describe, expect, it } from 'vitest';
import { extractMentions, findMentions } from './mentions.js';

describe('extractMentions', () => {
  it('finds X, Instagram, Bluesky and Mastodon handles without the @', () => {
    const text =
      'Merci @claire_dupont et @jean.martin ! Suivez @atelier.bsky.social, @brand.com et @marie@piaille.fr';
    expect(extractMentions(text)).toEqual([
      'claire_dupont',
      'jean.martin',
      'atelier.bsky.social',
      'brand.com',
      'marie@piaille.fr',
    ]);
  });

  it('does not take e-mail addresses for mentions', () => {
    expect(
      extractMentions('Write to support@example.com or jane.doe@mail.example.org, not @helpdesk'),
    ).toEqual(['helpdesk']);
  });

  it('leaves the sentence punctuation out and skips handles inside URLs', () => {
    expect(extractMentions('Thanks @alice. See https://medium.com/@bob/post and (@carol)!')).toEqual([
      'alice',
      'carol',
    ]);
  });

  it('deduplicates ignoring case', () => {
    expect(extractMentions('@Hearth @hearth @HEARTH')).toEqual(['Hearth']);
  });

  it('gives spans that include the @', () => {
    const text = 'cc @bob.bsky.social.';
    expect(findMentions(text)).toEqual([{ handle: 'bob.bsky.social', start: 3, end: 19 }]);
  });
});
