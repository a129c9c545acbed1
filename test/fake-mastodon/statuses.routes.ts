/**
 * The fake's status endpoints: post (validation, replies, media, the Idempotency-Key), read, delete.
 * Messages are Mastodon's own (config/locales/en.yml and its controllers).
 */
import type { FastifyInstance } from 'fastify';
import { statusJson, type InstanceSettings } from './entities.js';
import { authenticate, fail, listParam, paramsOf, stringParam, type RouteContext } from './http.js';
import type { FakeStatus } from './store.js';
import { countableLength } from './text.js';

const VISIBILITIES = new Set<FakeStatus['visibility']>(['public', 'unlisted', 'private', 'direct']);

export function statusRoutes(app: FastifyInstance, context: RouteContext, settings: InstanceSettings): void {
  const { store, base, now } = context;

  app.post('/api/v1/statuses', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key !== '' ? key : null;
    // Mastodon answers a key it has seen (from this account, within an hour) with the first status.
    const duplicate = idempotencyKey === null ? undefined : store.duplicateOf(account.id, idempotencyKey);
    if (duplicate !== undefined) {
      return statusJson(base(), duplicate, store);
    }

    const params = paramsOf(request.body);
    const text = stringParam(params, 'status') ?? '';
    const spoilerText = stringParam(params, 'spoiler_text') ?? '';
    const mediaIds = listParam(params, 'media_ids');
    if (mediaIds.length > settings.maxMediaAttachments) {
      return fail(reply, 422, `Cannot attach more than ${settings.maxMediaAttachments} files`);
    }
    // Like PostStatusService: only the caller's own media not yet attached; others are ignored.
    const media = mediaIds.flatMap((id) => {
      const found = store.media.get(id);
      return found !== undefined && found.accountId === account.id && found.statusId === null ? [found] : [];
    });
    if (media.some((item) => item.pendingPolls > 0)) {
      return fail(
        reply,
        422,
        'Cannot attach files that have not finished processing. Try again in a moment!',
      );
    }
    if (text.trim() === '' && media.length === 0) {
      return fail(reply, 422, "Validation failed: Text can't be blank");
    }
    if (countableLength(text, spoilerText) > settings.maxCharacters) {
      return fail(
        reply,
        422,
        `Validation failed: Text character limit of ${settings.maxCharacters} exceeded`,
      );
    }
    const inReplyToId = stringParam(params, 'in_reply_to_id') ?? null;
    const parent = inReplyToId === null ? undefined : store.statuses.get(inReplyToId);
    if (inReplyToId !== null && parent === undefined) {
      return fail(reply, 404, 'The post you are trying to reply to does not appear to exist.');
    }
    const visibility = stringParam(params, 'visibility') as FakeStatus['visibility'] | undefined;
    const language = stringParam(params, 'language');

    const status: FakeStatus = {
      id: store.nextId(),
      accountId: account.id,
      text,
      spoilerText,
      visibility: visibility !== undefined && VISIBILITIES.has(visibility) ? visibility : 'public',
      language: language !== undefined && /^[a-z]{2,3}$/.test(language) ? language : null,
      inReplyToId,
      inReplyToAccountId: parent?.accountId ?? null,
      mediaIds: media.map((item) => item.id),
      createdAt: now().toISOString(),
      favouritesCount: 0,
      reblogsCount: 0,
      repliesCount: 0,
      quotesCount: 0,
      idempotencyKey,
    };
    store.addStatus(status);
    return statusJson(base(), status, store);
  });

  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id', async (request, reply) => {
    if (authenticate(context, request, reply, 'optional') === undefined) {
      return reply;
    }
    const status = store.statuses.get(request.params.id);
    return status === undefined ? fail(reply, 404, 'Record not found') : statusJson(base(), status, store);
  });

  app.delete<{ Params: { id: string } }>('/api/v1/statuses/:id', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    const status = store.statuses.get(request.params.id);
    if (status === undefined || status.accountId !== account.id) {
      return fail(reply, 404, 'Record not found');
    }
    const answer = statusJson(base(), status, store, true);
    store.removeStatus(status.id);
    return answer;
  });
}
