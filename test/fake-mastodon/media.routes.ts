/**
 * The fake's media endpoints: POST /api/v2/media (multipart `file` + `description`), answered 200
 * when processed at once or 202 with `url: null` when processing (settings.mediaProcessingPolls),
 * and GET /api/v1/media/:id, 206 while processing, then 200.
 */
import type { FastifyInstance } from 'fastify';
import { mediaJson, type InstanceSettings } from './entities.js';
import { authenticate, fail, paramsOf, stringParam, type RouteContext } from './http.js';

export interface MediaSettings extends InstanceSettings {
  /** How many GET /api/v1/media/:id answer 206 before an upload is processed (0: answered 200 at once). */
  mediaProcessingPolls: number;
}

const SUPPORTED = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']);

export function mediaRoutes(app: FastifyInstance, context: RouteContext, settings: MediaSettings): void {
  const { store, base } = context;

  app.post('/api/v2/media', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    const params = paramsOf(request.body);
    const file = params['file'];
    if (!(file instanceof Blob)) {
      return fail(reply, 422, "Validation failed: File can't be blank");
    }
    if (!SUPPORTED.has(file.type)) {
      return fail(reply, 422, 'Validation failed: File content type is invalid, File is invalid');
    }
    if (file.size > settings.imageSizeLimit) {
      return fail(
        reply,
        422,
        `Validation failed: File file size must be less than ${Math.round(settings.imageSizeLimit / 1_048_576)} MB`,
      );
    }
    const description = stringParam(params, 'description') ?? null;
    if (description !== null && [...description].length > settings.descriptionLimit) {
      return fail(
        reply,
        422,
        `Validation failed: Description is too long (maximum is ${settings.descriptionLimit} characters)`,
      );
    }
    const media = {
      id: store.nextId(),
      accountId: account.id,
      mimeType: file.type,
      bytes: file.size,
      description,
      pendingPolls: settings.mediaProcessingPolls,
      statusId: null,
    };
    store.media.set(media.id, media);
    return reply.code(media.pendingPolls > 0 ? 202 : 200).send(mediaJson(base(), media));
  });

  app.get<{ Params: { id: string } }>('/api/v1/media/:id', async (request, reply) => {
    const account = authenticate(context, request, reply);
    if (account === undefined || account === null) {
      return reply;
    }
    const media = store.media.get(request.params.id);
    if (media === undefined || media.accountId !== account.id) {
      return fail(reply, 404, 'Record not found');
    }
    if (media.pendingPolls > 0) {
      media.pendingPolls -= 1;
      return reply.code(206).send(mediaJson(base(), { ...media, pendingPolls: 1 }));
    }
    return mediaJson(base(), media);
  });
}
