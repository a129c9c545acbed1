/** Escaping for server-rendered HTML: every interpolated string goes through one of these. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** A URL for an href: only http(s), escaped; anything else becomes null (rendered as plain text). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? escapeHtml(parsed.href) : null;
  } catch {
    return null;
  }
}

/** A logo data: URL for an <img src>: only the image types branding accepts. */
export function safeImageDataUrl(url: string | null): string | null {
  return url !== null && /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(url) ? url : null;
}

/** A colour for CSS: #rrggbb only, else the fallback. */
export function safeColour(colour: string, fallback: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : fallback;
}
