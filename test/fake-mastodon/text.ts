/**
 * Status text as Mastodon treats it: the length its StatusLengthValidator counts (graphemes, every
 * URL as 23, `@user@domain` as `@user`, the content warning included) and the HTML `content` it
 * renders (paragraphs, line breaks, links with the invisible/ellipsis spans of its formatter).
 */

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
const MENTION = /@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[a-z0-9.-]+\.[a-z]+/gi;
const URL_PLACEHOLDER = 'x'.repeat(23);
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function countableLength(text: string, spoilerText: string): number {
  const countable = text.replace(URL_PATTERN, URL_PLACEHOLDER).replace(MENTION, '@$1');
  return [...segmenter.segment(spoilerText + countable)].length;
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function linkHtml(url: string): string {
  const scheme = /^https?:\/\//.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const visible = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener noreferrer" translate="no">` +
    `<span class="invisible">${escapeHtml(scheme)}</span>` +
    `<span class="${hidden === '' ? '' : 'ellipsis'}">${escapeHtml(visible)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

function lineHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    html += escapeHtml(line.slice(last, match.index)) + linkHtml(match[0]);
    last = match.index + match[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

/** The `content` of a local plain-text status. */
export function contentHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineHtml).join('<br />')}</p>`)
    .join('');
}
