/**
 * A webhook "account": every publish is one signed POST of JSON to the receiver's URL, through the
 * host's fetch (the SSRF guard), without following redirects. The receiver's 2xx answer may name
 * what it made (`{"id": …, "url": …}`); otherwise the post is known by its idempotency key.
 * Idempotency is the receiver's part: it must treat a second call with the same
 * X-Hearth-Idempotency-Key as the first one (and answer the same id).
 */
import {
  ConnectorError,
  type AccountProfile,
  type Connection,
  type ConnectorContext,
  type OwnPost,
  type PostInput,
  type PostMetrics,
  type PublishedPost,
} from '../types.js';
import { errorFromAnswer, errorFromFailure } from './errors.js';
import { postPayload, type PingPayload, type PostPayload } from './payload.js';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureFor, TIMESTAMP_HEADER } from './signature.js';
import type { WebhookCredentials } from './webhook.credentials.js';
import { WEBHOOK_CAPABILITIES, WEBHOOK_LIMITS } from './webhook.limits.js';

export class WebhookConnection implements Connection {
  readonly network = 'webhook' as const;
  readonly capabilities = WEBHOOK_CAPABILITIES;
  readonly limits = WEBHOOK_LIMITS;

  constructor(
    private readonly credentials: WebhookCredentials,
    private readonly context: ConnectorContext,
  ) {}

  async verify(): Promise<AccountProfile> {
    await this.send({ type: 'ping', sentAt: this.context.now().toISOString() });
    const url = new URL(this.credentials.url);
    return {
      externalId: url.host,
      handle: `${url.host}${url.pathname}`,
      displayName: null,
      followers: null,
      url: null,
    };
  }

  async publish(post: PostInput): Promise<PublishedPost> {
    const payload = postPayload(post, this.context.now());
    const answer = await this.send(payload);
    const externalId = answer.id ?? post.idempotencyKey;
    return { externalId, url: answer.url, ref: externalId, publishedAt: payload.sentAt };
  }

  findPublished(): Promise<PublishedPost | null> {
    return unsupported('look a post up (the receiver settles a repeated key itself)');
  }

  delete(): Promise<void> {
    return unsupported('delete a post');
  }

  recentPosts(): Promise<OwnPost[]> {
    return unsupported('read posts back');
  }

  metrics(): Promise<PostMetrics[]> {
    return unsupported('count engagement');
  }

  block(): Promise<void> {
    return unsupported('block accounts');
  }

  hideReply(): Promise<void> {
    return unsupported('hide replies');
  }

  private async send(payload: PostPayload | PingPayload): Promise<{ id: string | null; url: string | null }> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(this.context.now().getTime() / 1000));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signatureFor(this.credentials.secret, timestamp, body),
    };
    if (payload.type === 'post') {
      headers[IDEMPOTENCY_HEADER] = payload.idempotencyKey;
    }
    let response: Response;
    let text: string;
    try {
      response = await this.context.fetch(this.credentials.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.context.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw errorFromFailure(error, payload.type === 'post' ? 'create' : 'safe');
    }
    if (response.status < 200 || response.status > 299) {
      throw errorFromAnswer(response.status, response.headers, text, this.context.now());
    }
    return receipt(text);
  }
}

/** `{"id": …, "url": …}` from a 2xx answer, each when usable. */
function receipt(text: string): { id: string | null; url: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { id: null, url: null };
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return { id: null, url: null };
  }
  const { id, url } = parsed as Record<string, unknown>;
  const usableId =
    (typeof id === 'string' && id !== '' && id.length <= 256) || typeof id === 'number' ? String(id) : null;
  const usableUrl = typeof url === 'string' && /^https?:\/\//.test(url) && url.length <= 2_048 ? url : null;
  return { id: usableId, url: usableUrl };
}

function unsupported<T>(what: string): Promise<T> {
  return Promise.reject(new ConnectorError('permanent', `A webhook cannot ${what}`));
}
