/** Errors the domain raises; the HTTP layer maps each kind to a status, the CLI to a message. */

export type FieldProblem = { path: string; message: string };

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'csrf_failed'
  /** A network (Bluesky, Mastodon, a webhook) did not answer or failed: try again later. */
  | 'network_unavailable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this'): AppError =>
  new AppError('forbidden', message);
export const conflict = (message: string): AppError => new AppError('conflict', message);
export const unauthenticated = (message = 'Sign in first'): AppError => new AppError('unauthenticated', message);
export const invalid = (path: string, message: string): AppError =>
  new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
export const networkUnavailable = (message: string): AppError => new AppError('network_unavailable', message);
