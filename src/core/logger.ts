import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths that must never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** Paths whose next segment is a secret (invitation links): logged as [redacted]. */
const SECRET_SEGMENT = /\/(invitations|invite)\/[^/?]+/g;

/** A request URL fit for a log line: no query string, no secret path segments. */
export function loggableUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(SECRET_SEGMENT, '/$1/[redacted]');
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
}

const serializers = {
  req: (request: LoggedRequest) => ({ method: request.method, url: loggableUrl(request.url), ip: request.ip }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
};

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: 'hearth' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers,
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
