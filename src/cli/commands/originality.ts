import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { indexSources, type SourceInput } from '../../originality/originality.service.js';
import { recordAudit } from '../../workspaces/audit.service.js';
import { findWorkspaces } from '../../workspaces/workspaces.service.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';

const BATCH = 500;
const kindSchema = z.enum(['own', 'competitor', 'ingested']);
const lineSchema = z.object({
  id: z.union([z.string().min(1).max(300), z.number()]),
  text: z.string().min(1).max(70_000),
  kind: kindSchema.optional(),
  label: z.string().max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2_000).optional(),
});

interface AddFlags {
  workspace: string;
  kind: string;
  data?: string;
}

/** `hearth originality add FILE`: feeds the originality check with competitors' posts or an archive. */
export function registerOriginality(program: Command): void {
  const originality = program.command('originality').description('What the originality guardrail compares drafts against');
  originality
    .command('add')
    .description('Index texts from a JSONL file, one {"id","text"[,"kind","label","url"]} per line (the texts themselves are not stored)')
    .argument('<file>', 'JSONL file')
    .requiredOption('-w, --workspace <idOrName>', 'the workspace id, or its exact name')
    .option('-k, --kind <kind>', 'own | competitor | ingested, for lines without "kind"', 'competitor')
    .option('-d, --data <dir>', 'data folder (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (file: string, flags: AddFlags) => {
      const kind = kindSchema.safeParse(flags.kind);
      if (!kind.success) {
        throw new CliError(`--kind must be own, competitor or ingested, not "${flags.kind}"`, 2);
      }
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`Cannot read ${file}`, 2);
      }
      await withHearth(flags, async (hearth) => {
        const db = hearth.db.kysely;
        const matches = await findWorkspaces(db, flags.workspace);
        const workspace = matches.length === 1 ? matches[0] : undefined;
        if (!workspace) {
          throw new CliError(matches.length === 0 ? `No workspace "${flags.workspace}"` : `Several workspaces are named "${flags.workspace}": use the id`);
        }
        const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'Indexing [{bar}] {percentage}% | {value}/{total} bytes' }) : null;
        bar?.start(size, 0);
        const problems: string[] = [];
        let indexed = 0;
        let skipped = 0;
        let batch: SourceInput[] = [];
        const flush = async (): Promise<void> => {
          const result = await indexSources(db, hearth.clock, hearth.originality, workspace.id, batch);
          indexed += result.indexed;
          skipped += result.skipped.length;
          batch = [];
        };
        let lineNumber = 0;
        let bytes = 0;
        for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
          lineNumber += 1;
          bytes += Buffer.byteLength(line) + 1;
          bar?.update(Math.min(bytes, size));
          if (line.trim() === '') {
            continue;
          }
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            problems.push(`line ${lineNumber}: not valid JSON`);
            continue;
          }
          const parsed = lineSchema.safeParse(value);
          if (!parsed.success) {
            problems.push(`line ${lineNumber}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'} ${i.message}`).join('; ')}`);
            continue;
          }
          const { id, kind: lineKind, ...rest } = parsed.data;
          batch.push({ ...rest, id: String(id), kind: lineKind ?? kind.data });
          if (batch.length >= BATCH) {
            await flush();
          }
        }
        await flush();
        bar?.stop();
        await recordAudit(db, hearth.clock, {
          workspaceId: workspace.id,
          actorUserId: null,
          action: 'originality.sources_added',
          details: { indexed, skipped, via: 'cli' },
        });
        for (const problem of problems.slice(0, 20)) {
          process.stderr.write(`${problem}\n`);
        }
        if (problems.length > 20) {
          process.stderr.write(`… and ${problems.length - 20} more bad lines\n`);
        }
        process.stdout.write(
          `Indexed ${indexed} texts for "${workspace.name}"` +
            (skipped > 0 ? `, skipped ${skipped} too short to compare` : '') +
            (problems.length > 0 ? `, ${problems.length} bad lines` : '') +
            '.\n',
        );
        if (problems.length > 0) {
          throw new CliError(`${problems.length} lines of ${file} were not indexed (see above)`);
        }
      });
    });
}
