/**
 * The HTTP client of the API under /api/v1: JSON in and out, the session cookie, and the CSRF
 * header that every non-GET request carries once a session is known.
 */
import { ApiError, NETWORK_ERROR, toApiError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  /** `signal` lets a caller abort a request that a newer one replaces. */
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  /** Replaces a whole resource (a voice profile, a fact). */
  put<T>(path: string, body?: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** Remembers the token returned with the session; null forgets it (signed out). */
  setCsrfToken(token: string | null): void;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let csrfToken: string | null = null;

  async function request<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // Only with a body: Fastify rejects an empty body sent as application/json.
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (method !== 'GET' && csrfToken !== null) {
      headers['x-csrf-token'] = csrfToken;
    }
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (cause) {
      if (options.signal?.aborted === true) {
        throw cause;
      }
      throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : 'Network error');
    }
    const parsed = await readBody(response);
    if (!response.ok) {
      throw toApiError(response.status, parsed);
    }
    return parsed as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body, options) => request('POST', path, body, options),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request<undefined>('DELETE', path),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

/** The app's one client. */
export const api = createApiClient();

/** Encodes one path segment (ids and tokens come from URLs and the server). */
export const seg = (value: string): string => encodeURIComponent(value);
