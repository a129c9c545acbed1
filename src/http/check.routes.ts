import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factSchema } from '../guardrails/claims/index.js';
import { voiceProfileSchema } from '../guardrails/voice/index.js';
import { errors } from '../workspaces/workspaces.presenters.js';
import { timeZoneSchema } from '../workspaces/workspaces.schemas.js';
import { checkForWorkspace, checkStandalone } from '../checking/workspace-check.service.js';
import { invalid } from '../core/errors.js';
import { getAccount } from '../publishing/accounts.service.js';
import { requireUser, requireWorkspace } from './auth.js';
import type { HttpDeps } from './context.js';

export const findingOut = z.object({
  rule: z.string(),
  category: z.enum(['spelling', 'typography', 'voice', 'tone', 'claims', 'originality', 'network']),
  severity: z.enum(['error', 'warning', 'suggestion']),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
  sourceId: z.string().optional(),
  similarity: z.number().optional(),
  /** Originality findings against a workspace source: its label and link, when it was given them. */
  sourceLabel: z.string().optional(),
  sourceUrl: z.string().optional(),
});

/** The guardrails over HTTP: the same `check()` as the CLI, the composer and the reply box. */
export const checkRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/check',
      {
        schema: {
          tags: ['guardrails'],
          summary:
            'Check an outgoing text: spelling, typography, voice, tone, claims, network rules (verdict pass | warn | block)',
          body: z.object({
            /** Check with this workspace's house style (voice profile, dictionary, facts) and time zone. */
            workspaceId: z.string().min(1).max(64).optional(),
            /** With workspaceId: check in the voice of this connected account (its override of the workspace's voice). */
            accountId: z.string().min(1).max(64).optional(),
            text: z.string().min(1, { message: 'Empty text' }).max(70_000),
            language: z.enum(['fr', 'en', 'auto']).default('auto'),
            network: z.enum(['bluesky', 'mastodon', 'x', 'linkedin', 'instagram', 'facebook']).optional(),
            images: z
              .array(z.object({ altText: z.string().nullable().optional() }))
              .max(20)
              .optional(),
            voice: voiceProfileSchema.optional(),
            partnership: z.boolean().optional(),
            facts: z.array(factSchema).max(1_000).optional(),
            attachedLinks: z.array(z.string().max(2_000)).max(20).optional(),
            publishAt: z.iso.datetime({ offset: true }).optional(),
            timeZone: timeZoneSchema.optional(),
            replyTo: z.string().max(70_000).optional(),
            dictionary: z.array(z.string().max(80)).max(5_000).optional(),
          }),
          response: {
            200: z.object({
              verdict: z.enum(['pass', 'warn', 'block']),
              score: z.number(),
              language: z.enum(['fr', 'en']),
              findings: z.array(findingOut),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        requireUser(request);
        const { workspaceId, accountId, publishAt, images, ...rest } = request.body;
        const input = {
          ...rest,
          ...(images ? { images: images.map((image) => ({ altText: image.altText ?? null })) } : {}),
          ...(publishAt ? { publishAt: new Date(publishAt) } : {}),
        };
        if (!workspaceId) {
          if (accountId) {
            throw invalid('accountId', 'An account belongs to a workspace: give workspaceId too');
          }
          return checkStandalone(deps, input);
        }
        const access = await requireWorkspace(request, deps, workspaceId);
        const account = accountId ? await getAccount(deps.publishing, access, accountId) : undefined;
        return checkForWorkspace(deps, access, { ...input, ...(account?.voiceOverride ? { accountVoice: account.voiceOverride } : {}) });
      },
    );
  };
