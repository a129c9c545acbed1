import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factSchema } from '../guardrails/claims/index.js';
import { voiceProfileSchema } from '../guardrails/voice/index.js';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import {
  addDictionaryWords,
  createFact,
  deleteFact,
  getHouseStyle,
  removeDictionaryWord,
  setVoiceProfile,
  updateFact,
} from './house-style.service.js';
import { errors, workspaceParams } from './workspaces.presenters.js';

const factIn = factSchema.omit({ id: true });
const wordSchema = z.string().trim().min(1, { message: 'Empty word' }).max(80);

/** The house style the guardrails check against: voice profile, dictionary, fact register. */
export const houseStyleRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/house-style';

    app.get(
      base,
      {
        schema: {
          tags: ['house style'],
          summary: 'Voice profile, dictionary and fact register of the workspace',
          params: workspaceParams,
          response: { 200: z.object({ voice: voiceProfileSchema, dictionary: z.array(z.string()), facts: z.array(factSchema) }), ...errors },
        },
      },
      async (request) => getHouseStyle(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.put(
      `${base}/voice`,
      {
        schema: {
          tags: ['house style'],
          summary: 'Replace the voice profile (owner, admin, manager)',
          params: workspaceParams,
          body: voiceProfileSchema,
          response: { 200: voiceProfileSchema, ...errors },
        },
      },
      async (request) => setVoiceProfile(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.body),
    );

    app.post(
      `${base}/dictionary`,
      {
        schema: {
          tags: ['house style'],
          summary: 'Add words to the dictionary ("add to dictionary" from a spelling finding)',
          params: workspaceParams,
          body: z.object({ words: z.array(wordSchema).min(1).max(500) }),
          response: { 200: z.object({ dictionary: z.array(z.string()) }), ...errors },
        },
      },
      async (request) => ({
        dictionary: await addDictionaryWords(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), [
          ...new Set(request.body.words),
        ]),
      }),
    );

    app.delete(
      `${base}/dictionary/:word`,
      {
        schema: {
          tags: ['house style'],
          summary: 'Remove a word from the dictionary (owner, admin, manager)',
          params: workspaceParams.extend({ word: wordSchema }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeDictionaryWord(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.word);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/facts`,
      {
        schema: {
          tags: ['house style'],
          summary: 'Add a fact to the register (owner, admin, manager)',
          params: workspaceParams,
          body: factIn,
          response: { 201: factSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createFact(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.body)),
    );

    const factParams = workspaceParams.extend({ factId: z.string().min(1).max(64) });

    app.put(
      `${base}/facts/:factId`,
      {
        schema: { tags: ['house style'], summary: 'Replace a fact (owner, admin, manager)', params: factParams, body: factIn, response: { 200: factSchema, ...errors } },
      },
      async (request) =>
        updateFact(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.factId, request.body),
    );

    app.delete(
      `${base}/facts/:factId`,
      { schema: { tags: ['house style'], summary: 'Delete a fact (owner, admin, manager)', params: factParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteFact(db, clock, await requireWorkspace(request, deps, request.params.workspaceId), request.params.factId);
        return reply.status(204).send(null);
      },
    );
  };
