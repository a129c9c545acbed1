import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { HearthApp } from './app.js';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldProblem } from '../core/errors.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  network_unavailable: 502,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[] };
}

function body(code: string, message: string, fields?: FieldProblem[]): ErrorBody {
  return { error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

/** Maps every error to a JSON body with a code and a message; never a stack trace. */
export function installErrorHandling(app: HearthApp): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply.status(STATUS[error.code]).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      // Typed loosely on purpose: the library's issue type comes from a fastify subpath types file.
      const issues = error.validation as { instancePath: string; message?: string }[];
      const fields = issues.map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: path ? `${where}.${path}` : where, message: issue.message ?? 'Invalid value' };
      });
      const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      return reply.status(400).send(body('validation_failed', `Invalid request: ${summary}`, fields));
    }
    if (error instanceof ZodError) {
      const fields = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return reply.status(400).send(body('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', error.message));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      return reply.status(error.statusCode).send(body('bad_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on our side; the error is in the server log'));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
