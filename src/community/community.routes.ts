import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireWorkspace } from '../http/auth.js';
import type { HttpDeps } from '../http/context.js';
import { errorOut, errors, workspaceParams } from '../workspaces/workspaces.presenters.js';
import { recordActivities } from './import/activities.import.js';
import { peopleCsv } from './people.csv.js';
import {
  activityImportReportOut,
  activityOut,
  noteOut,
  peopleQuery,
  personChanges,
  personDetailOut,
  personSummaryOut,
} from './people.schemas.js';
import {
  addNote,
  allPeople,
  deleteNote,
  getPerson,
  listActivities,
  listPeople,
  PersonMergedError,
  pipeline,
  updatePerson,
  type PeopleQuery,
} from './people.service.js';
import { exportPerson, forgetPerson } from './privacy.service.js';
import { RELATIONSHIP_STAGES } from './community.tables.js';

const personParams = workspaceParams.extend({ personId: z.string().min(1).max(64) });
const noteParams = personParams.extend({ noteId: z.string().min(1).max(64) });
/** A person merged into another: 404 with where they went. */
const mergedOut = errorOut.extend({ mergedIntoId: z.string().optional() });
const personErrors = { ...errors, 404: mergedOut };
/** Rows per POST /activities. */
const MAX_IMPORT_ROWS = 1_000;

const queryOf = (query: z.infer<typeof peopleQuery>): PeopleQuery => ({
  sort: query.sort,
  stage: query.stage,
  tag: query.tag,
  network: query.network,
  level: query.level,
  q: query.q,
  limit: query.limit,
  cursor: query.cursor,
  asOf: query.asOf === undefined ? undefined : new Date(query.asOf),
});

/** People, identities, activities, notes, stage, export and forget (community CRM). */
export const communityRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock } = deps;
    const base = '/workspaces/:workspaceId/community';

    // A merged person answers 404 with the id of the person they were merged into.
    app.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof PersonMergedError) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: error.message }, mergedIntoId: error.mergedIntoId });
      }
      throw error;
    });

    app.get(
      `${base}/people`,
      {
        schema: {
          tags: ['community'],
          summary:
            'People (merged-away people hidden), by engagement (default), reach, ambassador, influencer, recent activity or name; ' +
            'asOf computes the scores as of that instant (the first 20,000 people of the filtered list, sorted in memory)',
          params: workspaceParams,
          querystring: peopleQuery,
          response: {
            200: z.object({ people: z.array(personSummaryOut), nextCursor: z.string().nullable() }),
            ...errors,
          },
        },
      },
      async (request) =>
        listPeople(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          queryOf(request.query),
        ),
    );

    app.get(
      `${base}/people.csv`,
      {
        schema: {
          tags: ['community'],
          summary: 'The same list as CSV (every page, up to 50,000 people), as an attachment',
          params: workspaceParams,
          querystring: peopleQuery.omit({ limit: true, cursor: true }),
        },
      },
      async (request, reply) => {
        const people = await allPeople(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          queryOf(request.query),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="people.csv"')
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(peopleCsv(people));
      },
    );

    app.get(
      `${base}/people/:personId`,
      {
        schema: {
          tags: ['community'],
          summary:
            'A person: profile, identities, scores with their explanations, notes, merges, conversations',
          params: personParams,
          response: { 200: personDetailOut, ...personErrors },
        },
      },
      async (request) =>
        getPerson(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
        ),
    );

    app.get(
      `${base}/people/:personId/activities`,
      {
        schema: {
          tags: ['community'],
          summary:
            "The person's timeline, newest first; before: an ISO instant, or the nextCursor of the previous page",
          params: personParams,
          querystring: z.object({
            before: z.string().min(1).max(120).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
          response: {
            200: z.object({ activities: z.array(activityOut), nextCursor: z.string().nullable() }),
            ...personErrors,
          },
        },
      },
      async (request) =>
        listActivities(
          db,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
          request.query,
        ),
    );

    app.patch(
      `${base}/people/:personId`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Change the display name, relationship stage, next step and its date, tags, owner (a member, or null)',
          params: personParams,
          body: personChanges,
          response: { 200: personDetailOut, ...personErrors },
        },
      },
      async (request) =>
        updatePerson(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
          request.body,
        ),
    );

    app.post(
      `${base}/people/:personId/notes`,
      {
        schema: {
          tags: ['community'],
          summary: 'A note about the person (internal)',
          params: personParams,
          body: z.object({ text: z.string().trim().min(1).max(5_000) }),
          response: { 201: noteOut, ...personErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await addNote(
              db,
              clock,
              await requireWorkspace(request, deps, request.params.workspaceId),
              request.params.personId,
              request.body.text,
            ),
          ),
    );

    app.delete(
      `${base}/people/:personId/notes/:noteId`,
      {
        schema: {
          tags: ['community'],
          summary: 'Delete a note',
          params: noteParams,
          response: { 204: z.null(), ...personErrors },
        },
      },
      async (request, reply) => {
        await deleteNote(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
          request.params.noteId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/people/:personId/export`,
      {
        schema: {
          tags: ['community'],
          summary: 'Everything held about the person, as a JSON attachment (owners and admins; audited)',
          params: personParams,
        },
      },
      async (request, reply) => {
        const document = await exportPerson(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
        );
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="person-${request.params.personId.replace(/[^0-9a-zA-Z_-]/g, '')}.json"`,
          )
          .header('cache-control', 'no-store')
          .send(JSON.stringify(document, null, 2));
      },
    );

    app.post(
      `${base}/people/:personId/forget`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Erase the person: identities, activities, notes, merges, the mentions and inbox messages they wrote; ' +
            'their identities are never recorded again (owners and admins; audited)',
          params: personParams,
          response: { 204: z.null(), ...personErrors },
        },
      },
      async (request, reply) => {
        await forgetPerson(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.params.personId,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/pipeline`,
      {
        schema: {
          tags: ['community'],
          summary:
            'The relationship pipeline: each stage from identified to ambassador, next steps due soonest first',
          params: workspaceParams,
          response: {
            200: z.object({
              stages: z.array(
                z.object({ stage: z.enum(RELATIONSHIP_STAGES), people: z.array(personSummaryOut) }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => pipeline(db, await requireWorkspace(request, deps, request.params.workspaceId)),
    );

    app.post(
      `${base}/activities`,
      {
        schema: {
          tags: ['community'],
          summary:
            'Record activities: {rows: [{person, network, type, at, text?, target?, followers?, id?, name?, sentiment?, language?, engagement?}]} ' +
            '(up to 1,000; idempotent; a refused row is reported by its position, from 1, and the others are recorded)',
          params: workspaceParams,
          body: z.object({ rows: z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS) }),
          response: { 200: activityImportReportOut, ...errors },
        },
      },
      async (request) =>
        recordActivities(
          db,
          clock,
          await requireWorkspace(request, deps, request.params.workspaceId),
          request.body.rows,
        ),
    );
  };
