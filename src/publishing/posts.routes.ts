import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { addMedia, changeMedia, createDraft, deletePost, getPost, listPosts, readMedia } from './posts.service.js';
import { addToQueue, approvePost, cancelPost, editPost, rejectPost, requestChanges, schedulePost, submitForReview } from './workflow.service.js';

const POST_STATUSES = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled'] as const;

const findingOut = z.object({
  rule: z.string(),
  category: z.string(),
  severity: z.enum(['error', 'warning', 'suggestion']),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
  sourceId: z.string().optional(),
  similarity: z.number().optional(),
  accountId: z.string().optional(),
});

const postOut = z
  .object({
    id: z.string(),
    status: z.enum(POST_STATUSES),
    text: z.string(),
    language: z.enum(['fr', 'en']).nullable(),
    partnership: z.boolean(),
    publishAt: z.string().nullable(),
    version: z.number().int(),
    authorId: z.string().nullable(),
    check: z.object({ verdict: z.enum(['pass', 'warn', 'block']), score: z.number(), findings: z.array(findingOut) }).nullable(),
    override: z.object({ reason: z.string(), by: z.string().nullable() }).nullable(),
    review: z.object({ comment: z.string().nullable(), by: z.string().nullable(), at: z.string().nullable() }).nullable(),
    targets: z.array(
      z.object({
        id: z.string(),
        accountId: z.string(),
        network: z.enum(['bluesky', 'mastodon', 'webhook']),
        handle: z.string(),
        textOverride: z.string().nullable(),
        status: z.enum(['pending', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled']),
        publishAt: z.string().nullable(),
        attempts: z.number().int(),
        nextAttemptAt: z.string().nullable(),
        url: z.string().nullable(),
        externalId: z.string().nullable(),
        publishedAt: z.string().nullable(),
        lastError: z.string().nullable(),
        metrics: z.object({ likes: z.number(), reposts: z.number(), replies: z.number(), quotes: z.number().nullable() }).nullable(),
        metricsAt: z.string().nullable(),
        warning: z.string().nullable(),
      }),
    ),
    media: z.array(z.object({ id: z.string(), mimeType: z.string(), bytes: z.number().int(), altText: z.string(), position: z.number().int() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Post' });

const textSchema = z.string().trim().min(1, { message: 'Write something first' }).max(70_000);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const draftFields = {
  text: textSchema,
  accountIds: z.array(z.string().min(1).max(64)).max(50),
  variants: z.record(z.string(), z.string().trim().min(1).max(70_000).nullable()).optional(),
  language: z.enum(['fr', 'en']).nullable().optional(),
  partnership: z.boolean().optional(),
  publishAt: instant.nullable().optional(),
};
const postParams = workspaceParams.extend({ postId: z.string().min(1).max(64) });
const comment = z.string().trim().min(1, { message: 'Say what to change' }).max(5_000);
const overrideSchema = z.object({ reason: z.string().trim().min(10, { message: 'Give a reason of at least 10 characters: it goes into the audit log' }).max(2_000) });

/** The composer, the review workflow and the calendar's data. */
export const postRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const p = deps.publishing;
    const base = '/workspaces/:workspaceId/posts';
    const access = (request: { params: { workspaceId: string } } & Parameters<typeof requireWorkspace>[0]) =>
      requireWorkspace(request, deps, request.params.workspaceId);

    app.get(
      base,
      {
        schema: {
          tags: ['publishing'],
          summary: 'Posts, newest publish time first; filter by status and by publish time [from, to) for the calendar',
          params: workspaceParams,
          querystring: z.object({
            status: z
              .string()
              .optional()
              .transform((value) => (value ? value.split(',') : undefined))
              .pipe(z.array(z.enum(POST_STATUSES)).optional()),
            from: instant.optional(),
            to: instant.optional(),
            limit: z.coerce.number().int().min(1).max(1_000).optional(),
          }),
          response: { 200: z.array(postOut), ...errors },
        },
      },
      async (request) => {
        const { status, from, to, limit } = request.query;
        return listPosts(p, await access(request), {
          ...(status ? { statuses: status } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(limit ? { limit } : {}),
        });
      },
    );

    app.post(
      base,
      {
        schema: { tags: ['publishing'], summary: 'Create a draft (owner, admin, manager, editor)', params: workspaceParams, body: z.object(draftFields), response: { 201: postOut, ...errors } },
      },
      async (request, reply) => {
        const { variants, language, partnership, publishAt, ...rest } = request.body;
        return reply.status(201).send(
          await createDraft(p, await access(request), {
            ...rest,
            ...(variants ? { variants } : {}),
            ...(language !== undefined ? { language } : {}),
            ...(partnership !== undefined ? { partnership } : {}),
            ...(publishAt !== undefined ? { publishAt } : {}),
          }),
        );
      },
    );

    app.get(
      `${base}/:postId`,
      { schema: { tags: ['publishing'], summary: 'One post with its targets, check and review', params: postParams, response: { 200: postOut, ...errors } } },
      async (request) => getPost(p, await access(request), request.params.postId),
    );

    app.patch(
      `${base}/:postId`,
      {
        schema: {
          tags: ['publishing'],
          summary:
            'Change a post (autosave); `version` must be the one you loaded. A scheduled post is checked and scheduled again — or goes back to draft, with `unscheduled` saying why, when its author needs approval or the guardrails now block it — and is refused once publishing has begun.',
          params: postParams,
          body: z
            .object({ ...draftFields, version: z.number().int().min(1) })
            .partial()
            .required({ version: true }),
          response: { 200: postOut.extend({ unscheduled: z.string().optional() }), ...errors },
        },
      },
      async (request) => {
        const who = await access(request);
        const { variants, language, partnership, publishAt, text, accountIds, version } = request.body;
        const result = await editPost(
          p,
          who,
          request.params.postId,
          {
            version,
            ...(text !== undefined ? { text } : {}),
            ...(accountIds !== undefined ? { accountIds } : {}),
            ...(variants !== undefined ? { variants } : {}),
            ...(language !== undefined ? { language } : {}),
            ...(partnership !== undefined ? { partnership } : {}),
            ...(publishAt !== undefined ? { publishAt } : {}),
          },
        );
        return { ...result.post, ...(result.unscheduled ? { unscheduled: result.unscheduled } : {}) };
      },
    );

    app.delete(
      `${base}/:postId`,
      { schema: { tags: ['publishing'], summary: 'Delete a post that was never scheduled (or was cancelled)', params: postParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deletePost(p, await access(request), request.params.postId);
        return reply.status(204).send(null);
      },
    );

    const action = (path: string, summary: string, body: z.ZodType, run: (request: { params: { workspaceId: string; postId: string }; body: unknown }, who: Awaited<ReturnType<typeof access>>) => Promise<unknown>) =>
      app.post(
        `${base}/:postId/${path}`,
        { schema: { tags: ['publishing'], summary, params: postParams, body, response: { 200: postOut, ...errors } } },
        async (request) => run(request as never, await access(request)) as never,
      );

    action('submit', 'Submit for review', z.object({}).optional(), (request, who) => submitForReview(p, who, request.params.postId));
    app.post(
      `${base}/:postId/approve`,
      {
        schema: {
          tags: ['publishing'],
          summary: 'Approve (owner, admin, manager); a post with a publish time is then scheduled — or stays approved, with `unscheduled` saying why, when the guardrails block it',
          params: postParams,
          body: z.object({ comment: comment.optional() }).optional(),
          response: { 200: postOut.extend({ unscheduled: z.string().optional() }), ...errors },
        },
      },
      async (request) => {
        const result = await approvePost(p, await access(request), request.params.postId, request.body?.comment ?? null);
        return { ...result.post, ...(result.unscheduled ? { unscheduled: result.unscheduled } : {}) };
      },
    );
    action('request-changes', 'Send back to the author with a comment (owner, admin, manager)', z.object({ comment }), (request, who) =>
      requestChanges(p, who, request.params.postId, (request.body as { comment: string }).comment),
    );
    action('reject', 'Reject with a comment (owner, admin, manager)', z.object({ comment }), (request, who) =>
      rejectPost(p, who, request.params.postId, (request.body as { comment: string }).comment),
    );
    action(
      'schedule',
      'Schedule at publishAt (default: the post’s time, else now) after the guardrails; a block needs a manager’s override with a reason',
      z.object({ publishAt: instant.optional(), override: overrideSchema.optional() }).optional(),
      (request, who) => {
        const body = (request.body ?? {}) as { publishAt?: string; override?: { reason: string } };
        return schedulePost(p, who, request.params.postId, { ...(body.publishAt ? { publishAt: body.publishAt } : {}), ...(body.override ? { override: body.override } : {}) });
      },
    );
    action('queue', 'Add to queue: schedule at the next free weekly slot of its accounts', z.object({ override: overrideSchema.optional() }).optional(), (request, who) =>
      addToQueue(p, who, request.params.postId, (request.body as { override?: { reason: string } } | undefined)?.override),
    );
    action('cancel', 'Cancel what has not been sent (refused while it is being published)', z.object({}).optional(), (request, who) => cancelPost(p, who, request.params.postId));

    app.post(
      `${base}/:postId/media`,
      {
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags: ['publishing'],
          summary: 'Attach an image (PNG, JPEG, WebP, GIF; ≤ 1 MB) with its alt text (required: accessibility)',
          params: postParams,
          body: z.object({
            mimeType: z.string().max(50),
            dataBase64: z.string().min(1).max(1_400_000),
            altText: z.string().trim().min(1, { message: 'Describe the image for people who cannot see it' }).max(2_000),
          }),
          response: { 200: postOut, ...errors },
        },
      },
      async (request) => addMedia(p, await access(request), request.params.postId, request.body),
    );

    const mediaParams = postParams.extend({ mediaId: z.string().min(1).max(64) });
    app.patch(
      `${base}/:postId/media/:mediaId`,
      {
        schema: {
          tags: ['publishing'],
          summary: "Change an image's alt text",
          params: mediaParams,
          body: z.object({ altText: z.string().trim().min(1).max(2_000) }),
          response: { 200: postOut, ...errors },
        },
      },
      async (request) => changeMedia(p, await access(request), request.params.postId, request.params.mediaId, request.body),
    );
    app.get(
      `${base}/:postId/media/:mediaId`,
      { schema: { tags: ['publishing'], summary: "An attached image's bytes (for previews)", params: mediaParams } },
      async (request, reply) => {
        const media = await readMedia(p, await access(request), request.params.postId, request.params.mediaId);
        return reply.header('content-type', media.mimeType).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff').send(media.data);
      },
    );
    app.delete(
      `${base}/:postId/media/:mediaId`,
      { schema: { tags: ['publishing'], summary: 'Remove an image', params: mediaParams, response: { 200: postOut, ...errors } } },
      async (request) => changeMedia(p, await access(request), request.params.postId, request.params.mediaId, 'remove'),
    );
  };
