/** The invitation link as the invitee must open it: absolute, even if the server sent a path. */
export function absoluteUrl(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}
