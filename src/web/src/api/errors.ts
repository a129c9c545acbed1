/** The error every API call rejects with: the server's `{ error: { code, message, fields } }`, or a stand-in. */

export interface ApiFieldError {
  path: string;
  message: string;
}

/** Codes the client makes up itself when the server's answer is not an API error body. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly ApiFieldError[] = [],
    /** True when `message` was written by the server and may be shown to the user as is. */
    readonly fromServer = false,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseFields = (value: unknown): ApiFieldError[] =>
  Array.isArray(value)
    ? value.flatMap((item: unknown) =>
        isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
          ? [{ path: item.path, message: item.message }]
          : [],
      )
    : [];

/** Builds the ApiError for a failed response from its status and its (already parsed) body. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, parseFields(error.fields), true);
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, `The server answered with status ${status}.`);
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** True for an ApiError with one of the given HTTP statuses. */
export const hasStatus = (error: unknown, ...statuses: number[]): boolean =>
  isApiError(error) && statuses.includes(error.status);

/**
 * The server's field errors keyed by the form field they belong to. A path such as `languages.0`
 * or `body.email` is matched on its first segment that names a known field; the rest are dropped
 * (their message is usually repeated in the error's main message).
 */
export function fieldErrorsFor(error: unknown, knownFields: readonly string[]): Record<string, string> {
  if (!isApiError(error)) {
    return {};
  }
  const result: Record<string, string> = {};
  for (const { path, message } of error.fields) {
    const field = path.split(/[.[\]/]/).find((segment) => knownFields.includes(segment));
    if (field !== undefined && result[field] === undefined) {
      result[field] = message;
    }
  }
  return result;
}
