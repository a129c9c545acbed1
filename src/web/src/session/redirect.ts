/** Where to send the user back after signing in, kept in the `next` query parameter. */

/** The `next` target if it is a path of this app; anything else (other sites, `//host`) gives `/`. */
export function safeNext(next: string | null | undefined): string {
  if (
    next === null ||
    next === undefined ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\')
  ) {
    return '/';
  }
  return next;
}

/** The sign-in URL that comes back to `path` (the home page needs no `next`). */
export function signInPath(path: string): string {
  return path === '/' || path === '' ? '/signin' : `/signin?next=${encodeURIComponent(path)}`;
}
