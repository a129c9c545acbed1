import { describe, expect, it } from 'vitest';
import { contentHtml } from '../../../test/fake-mastodon/text.js';
import { textFromHtml } from './html-text.js';

describe('textFromHtml', () => {
  it('reads back what Mastodon rendered: paragraphs, line breaks, shortened links, entities', () => {
    const html =
      '<p>Spring sale &amp; more<br />Read <a href="https://example.com/blog/2025/spring-sale-announcement" rel="nofollow noopener" target="_blank">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/blog/2025/spring-s</span>' +
      '<span class="invisible">ale-announcement</span></a></p><p>&lt;3 &#39;team&#x27; &quot;Hearth&quot; &#128293;</p>';
    expect(textFromHtml(html)).toBe(
      'Spring sale & more\nRead https://example.com/blog/2025/spring-sale-announcement\n\n<3 \'team\' "Hearth" 🔥',
    );
  });

  it('round-trips the fake server’s rendering', () => {
    const text =
      'Line one\nline <two> & "three"\n\nhttps://example.com/a/very/long/path/that/is/cut/by/the/formatter ok';
    expect(textFromHtml(contentHtml(text))).toBe(text);
  });

  it('leaves unknown entities as they are', () => {
    expect(textFromHtml('<p>&bogus; &#0;</p>')).toBe('&bogus; &#0;');
  });
});
