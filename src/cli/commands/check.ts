import { readFileSync } from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { z } from 'zod';
import { createAnalyzer } from '../../analysis/analyzer.js';
import { check, type CheckResult } from '../../guardrails/check.js';
import { factSchema, type Fact } from '../../guardrails/claims/index.js';
import { createOriginalityIndex, type OriginalityIndex } from '../../guardrails/originality/index.js';
import { createInProcessSpellChecker } from '../../guardrails/spelling/service.js';
import type { NetworkName } from '../../guardrails/types.js';
import { voiceProfileSchema, type VoiceProfile } from '../../guardrails/voice/index.js';
import { CliError } from '../cli-errors.js';
import { readStdin } from '../context.js';
import { formatCheck } from '../format-check.js';

const NETWORKS: readonly NetworkName[] = ['bluesky', 'mastodon', 'x', 'linkedin', 'instagram', 'facebook'];

/** A usage error of `hearth check`: exit status 2, as the check contract says (1 means "blocked"). */
const usage = (message: string): CliError => new CliError(message, 2);

interface CheckFlags {
  lang: string;
  network?: string;
  voice?: string;
  facts?: string;
  against?: string;
  dictionary?: string;
  publishAt?: string;
  timeZone?: string;
  replyTo?: string;
  json?: boolean;
}

function readFileOrUsage(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw usage(`Cannot read ${what} file ${path}`);
  }
}

function parseJsonFile<T>(path: string, what: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileOrUsage(path, what));
  } catch (error) {
    throw error instanceof CliError ? error : usage(`${what} file ${path} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw usage(`${what} file ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** Builds an originality index from `{"id","text"[,"kind"]}` lines; a malformed line is a usage error. */
function loadCorpus(path: string): OriginalityIndex {
  const index = createOriginalityIndex();
  const line = z.object({ id: z.union([z.string(), z.number()]), text: z.string(), kind: z.enum(['own', 'competitor', 'ingested']).optional() });
  readFileOrUsage(path, 'corpus')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') {
        return;
      }
      let parsed: z.infer<typeof line>;
      try {
        parsed = line.parse(JSON.parse(raw));
      } catch {
        throw usage(`corpus ${path}, line ${i + 1}: expected {"id","text"}`);
      }
      index.add({ id: String(parsed.id), text: parsed.text, kind: parsed.kind ?? 'ingested' });
    });
  return index;
}

/** The JSON of `--json`: exactly the documented fields. */
export function toCheckJson(result: CheckResult): Record<string, unknown> {
  return {
    verdict: result.verdict,
    score: result.score,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      text: f.text,
      message: f.message,
      suggestions: f.suggestions,
      ...(f.sourceId !== undefined ? { sourceId: f.sourceId, similarity: f.similarity } : {}),
    })),
  };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Check a text before it is published: spelling, typography, voice, tone, claims, originality, network rules. Exit 0 pass or warn, 1 block, 2 usage error')
    .argument('[file]', 'the text to check (default, or -: standard input)')
    .option('--lang <lang>', 'fr, en or auto', 'auto')
    .option('--network <name>', `network rules to apply: ${NETWORKS.join(', ')}`)
    .option('--voice <file>', 'voice profile (JSON)')
    .option('--facts <file>', 'fact register (JSON array of {id, statement, value?, sourceUrl?, validUntil?, sourceDate?})')
    .option('--against <file>', 'corpus to check originality against (JSON Lines of {"id","text"})')
    .option('--dictionary <file>', 'workspace words, one per line (brand and product names, people, jargon)')
    .option('--publish-at <iso>', 'when the text will be published (ISO 8601); dates in the text are checked against it')
    .option('--time-zone <zone>', 'IANA time zone the dates in the text are read in', 'UTC')
    .option('--reply-to <text>', 'the message this text replies to (enables the reply-tone rules)')
    .option('--json', 'print one JSON object {verdict, score, findings}')
    .exitOverride((error) => {
      // Commander's own usage errors (unknown option, missing value) exit 2 here, not 1 (= blocked).
      throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
    })
    .action(async (file: string | undefined, flags: CheckFlags) => {
      if (!['fr', 'en', 'auto'].includes(flags.lang)) {
        throw usage('--lang must be fr, en or auto');
      }
      if (flags.network !== undefined && !NETWORKS.includes(flags.network as NetworkName)) {
        throw usage(`--network must be one of ${NETWORKS.join(', ')}`);
      }
      const publishAt = flags.publishAt === undefined ? undefined : new Date(flags.publishAt);
      if (publishAt && Number.isNaN(publishAt.getTime())) {
        throw usage('--publish-at must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+01:00');
      }
      if ((file === undefined || file === '-') && process.stdin.isTTY) {
        throw usage('Give a FILE to check, or pipe the text in: echo "…" | hearth check');
      }
      const text = file === undefined || file === '-' ? await readStdin() : readFileOrUsage(file, 'text');
      if (text.trim() === '') {
        throw usage('Nothing to check: the text is empty');
      }
      const voice: VoiceProfile | undefined = flags.voice ? parseJsonFile(flags.voice, 'voice', voiceProfileSchema) : undefined;
      const facts: Fact[] | undefined = flags.facts ? parseJsonFile(flags.facts, 'facts', z.array(factSchema)) : undefined;
      const dictionary = flags.dictionary ? readFileOrUsage(flags.dictionary, 'dictionary').split('\n').map((w) => w.trim()).filter(Boolean) : [];
      const originality = flags.against ? loadCorpus(flags.against) : undefined;

      const result = await check(
        { analyzer: await createAnalyzer(), spelling: createInProcessSpellChecker(), ...(originality ? { originality } : {}) },
        {
          text: text.replace(/\r?\n$/, ''),
          language: flags.lang as 'fr' | 'en' | 'auto',
          dictionary,
          timeZone: flags.timeZone ?? 'UTC',
          ...(flags.network ? { network: flags.network as NetworkName } : {}),
          ...(voice ? { voice } : {}),
          ...(facts ? { facts } : {}),
          ...(publishAt ? { publishAt } : {}),
          ...(flags.replyTo !== undefined ? { replyTo: flags.replyTo } : {}),
        },
      );
      process.stdout.write(flags.json ? `${JSON.stringify(toCheckJson(result))}\n` : formatCheck(result));
      process.exitCode = result.verdict === 'block' ? 1 : 0;
    });
}
