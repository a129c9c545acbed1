import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INTENT_LABELS } from '../analysis/types.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { errors } from '../workspaces/workspaces.presenters.js';
import { requireUser, requireWorkspace } from './auth.js';
import type { HttpDeps } from './context.js';

const MAX_TEXT = 20_000;
const MAX_BATCH = 1_000;

const probability = z.number().min(0).max(1);
const analysisOut = z
  .object({
    language: z.string(),
    languageConfidence: probability,
    sentiment: z.object({
      label: z.enum(['negative', 'neutral', 'positive']),
      scores: z.object({ negative: probability, neutral: probability, positive: probability }),
    }),
    offensive: z.object({ label: z.enum(['offensive', 'not_offensive']), score: probability }),
    spam: z.object({ label: z.enum(['spam', 'not_spam']), score: probability }),
    intents: z.array(z.object({ label: z.enum(INTENT_LABELS), score: probability })),
    keywords: z.array(z.string()),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    urls: z.array(z.string()),
    named: z.array(
      z.object({ kind: z.enum(['brand', 'product', 'competitor']), name: z.string(), start: z.number(), end: z.number() }),
    ),
    modelVersion: z.string(),
  })
  .meta({ id: 'Analysis' });

const textSchema = z.string().min(1, { message: 'Empty text' }).max(MAX_TEXT, { message: `At most ${MAX_TEXT} characters` });

/** Text analysis over HTTP: one text or a batch, with a workspace's named things when one is given. */
export const analyzeRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/analyze',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Analyse one text (`text`) or a batch (`items`): language, sentiment, offensiveness, spam, intents, extractions',
          body: z
            .object({
              workspaceId: z.string().min(1).max(64).optional(),
              language: z.string().regex(/^[a-z]{2}$/, { message: 'Use a two-letter ISO 639-1 code' }).optional(),
              text: textSchema.optional(),
              items: z.array(z.object({ id: z.string().max(200), text: textSchema })).min(1).max(MAX_BATCH).optional(),
            })
            .refine((body) => (body.text === undefined) !== (body.items === undefined), {
              message: 'Send either `text` or `items` (a batch), not both',
            }),
          response: {
            200: z.union([
              z.object({ analysis: analysisOut }),
              z.object({ results: z.array(z.object({ id: z.string(), analysis: analysisOut })) }),
            ]),
            ...errors,
          },
        },
      },
      async (request) => {
        requireUser(request);
        const { workspaceId, language, text, items } = request.body;
        const named = workspaceId ? (await getWorkspace(deps.db, await requireWorkspace(request, deps, workspaceId))).namedThings : undefined;
        const analyzer = await deps.analyzer();
        const options = { ...(named ? { named } : {}), ...(language ? { language } : {}) };
        if (text !== undefined) {
          return { analysis: analyzer.analyze(text, options) };
        }
        return { results: (items ?? []).map((item) => ({ id: item.id, analysis: analyzer.analyze(item.text, options) })) };
      },
    );
  };
