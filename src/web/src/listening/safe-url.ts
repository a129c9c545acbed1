/** Links found in network content: only http(s) may become an href (no javascript:, data:…). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
