import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { check } from '../guardrails/check.js';
import { factSchema } from '../guardrails/claims/index.js';
import { createSpellChecker } from '../guardrails/spelling/spelling.js';
import { voiceProfileSchema } from '../guardrails/voice/index.js';
import { describeSources } from '../originality/originality.service.js';
import { getHouseStyle } from '../workspaces/house-style.service.js';
import { errors } from '../workspaces/workspaces.presenters.js';
import { getWorkspace } from '../workspaces/workspaces.service.js';
import { timeZoneSchema } from '../workspaces/workspaces.schemas.js';
import { requireUser, requireWorkspace } from './auth.js';
import type { HttpDeps } from './context.js';

const findingOut = z.object({
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
    const houseStyleFor = async (request: FastifyRequest, workspaceId: string) => {
      const access = await requireWorkspace(request, deps, workspaceId);
      const [style, workspace] = await Promise.all([
        getHouseStyle(deps.db, access),
        getWorkspace(deps.db, access),
      ]);
      const { brand, products, competitors } = workspace.namedThings;
      // The workspace's own names (brand, products, competitors) are its vocabulary, never misspellings.
      const names = [...brand, ...products, ...competitors]
        .flatMap((name) => name.split(/\s+/))
        .filter(Boolean);
      return {
        ...style,
        dictionary: [...new Set([...style.dictionary, ...names])],
        timeZone: workspace.timeZone,
      };
    };
    // One spell checker per server: each dictionary loads once (French takes seconds), on first use.
    const spelling = createSpellChecker();
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
        const { workspaceId, publishAt, images, dictionary, ...rest } = request.body;
        const workspace = workspaceId ? await houseStyleFor(request, workspaceId) : undefined;
        const originality = workspaceId ? await deps.originality.indexFor(workspaceId) : undefined;
        const result = await check(
          { analyzer: await deps.analyzer(), spelling, now: () => deps.clock.now(), ...(originality ? { originality } : {}) },
          {
            ...rest,
            dictionary: [...(workspace?.dictionary ?? []), ...(dictionary ?? [])],
            ...(workspace && rest.voice === undefined ? { voice: workspace.voice } : {}),
            ...(workspace && rest.facts === undefined ? { facts: workspace.facts } : {}),
            ...(workspace && rest.timeZone === undefined ? { timeZone: workspace.timeZone } : {}),
            ...(images ? { images: images.map((image) => ({ altText: image.altText ?? null })) } : {}),
            ...(publishAt ? { publishAt: new Date(publishAt) } : {}),
          },
        );
        const sourceIds = result.findings.flatMap((finding) => (finding.sourceId === undefined ? [] : [finding.sourceId]));
        if (workspaceId === undefined || sourceIds.length === 0) {
          return result;
        }
        const sources = await describeSources(deps.db, workspaceId, sourceIds);
        return {
          ...result,
          findings: result.findings.map((finding) => {
            const source = finding.sourceId === undefined ? undefined : sources.get(finding.sourceId);
            return {
              ...finding,
              ...(source?.label ? { sourceLabel: source.label } : {}),
              ...(source?.url ? { sourceUrl: source.url } : {}),
            };
          }),
        };
      },
    );
  };
