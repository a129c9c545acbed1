import { ZodError } from 'zod';
import { ConfigError } from '../core/config.js';
import { AppError } from '../core/errors.js';

/** A failure to report to the user as one line, with no stack trace (exit code 1 unless given). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The message a user should read for an error, or null when it is a bug (then the stack helps). */
export function explain(error: unknown): string | null {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof AppError) {
    return error.message;
  }
  if (error instanceof ZodError) {
    return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
  }
  if (error instanceof Error && 'code' in error && (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND')) {
    return `Cannot reach the database: ${error.message}`;
  }
  return null;
}

/** Parses a value with a zod schema, naming the flag it came from in the error. */
export function parseFlag<T>(flag: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(`${flag}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  return result.data;
}
