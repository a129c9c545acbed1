/**
 * Mastodon's REST API over the host's fetch (the SSRF guard): masto 7.12 calls the global fetch and
 * takes no other, so the connector speaks the documented JSON itself. One call = one request with
 * the access token, the connection's time limit, no redirects followed (a moved instance would lose
 * the token on the way), and a checked answer or a ConnectorError (errors.ts).
 */
import type { z } from 'zod';
import { ConnectorError, type ConnectorContext } from '../types.js';
import { errorFromAnswer, errorFromFailure, type CallEffect } from './errors.js';

export interface CallOptions {
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Default 'safe'; 'create' makes a timeout after sending an unknown outcome. */
  effect?: CallEffect;
}

export interface Answer<T> {
  status: number;
  data: T;
}

export class MastodonClient {
  constructor(
    private readonly instanceUrl: string,
    private readonly accessToken: string,
    private readonly context: ConnectorContext,
  ) {}

  /** The answer checked by `schema`; a 404 is returned (data null) only when `allowNotFound`. */
  async call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    options?: CallOptions,
  ): Promise<Answer<T>>;
  async call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    options: CallOptions,
    allowNotFound: true,
  ): Promise<Answer<T | null>>;
  async call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    options: CallOptions = {},
    allowNotFound = false,
  ): Promise<Answer<T | null>> {
    const effect = options.effect ?? 'safe';
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      const response = await this.context.fetch(this.url(path, options.query), {
        method,
        headers: this.headers(options),
        body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.context.timeoutMs),
      });
      ({ status, headers } = response);
      text = await response.text();
    } catch (error) {
      throw errorFromFailure(error, effect);
    }
    if (status === 404 && allowNotFound) {
      return { status, data: null };
    }
    if (status < 200 || status > 299) {
      throw errorFromAnswer(status, headers, text, this.context.now());
    }
    return { status, data: this.parse(schema, text, effect, path) };
  }

  private url(path: string, query: CallOptions['query'] = {}): URL {
    const url = new URL(path, this.instanceUrl);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(name, String(value));
      }
    }
    return url;
  }

  private headers(options: CallOptions): Headers {
    const headers = new Headers(options.headers);
    headers.set('authorization', `Bearer ${this.accessToken}`);
    headers.set('accept', 'application/json');
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
    }
    return headers;
  }

  private parse<T>(schema: z.ZodType<T>, text: string, effect: CallEffect, path: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // The server did answer; for a create the post may exist, and a retry with the same key says so.
      throw new ConnectorError(
        effect === 'create' ? 'unknown_outcome' : 'transient',
        `Mastodon sent an answer Hearth cannot read (${path})`,
      );
    }
    return parsed.data;
  }
}
