import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { createAnalyzer, type Analyzer } from '../../analysis/analyzer.js';
import type { Analysis, NamedThings } from '../../analysis/types.js';
import { findWorkspaces } from '../../workspaces/workspaces.service.js';
import { CliError } from '../cli-errors.js';
import { withHearth } from '../context.js';
import { formatAnalysis } from '../format-analysis.js';

interface AnalyzeFlags {
  jsonl?: string | boolean;
  workspace?: string;
  brand: string[];
  product: string[];
  competitor: string[];
  lang?: string;
  data?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The JSON Lines record of one input: its id, then the analysis in the documented field order. */
export function toJsonlRecord(id: unknown, analysis: Analysis): Record<string, unknown> {
  return {
    id,
    language: analysis.language,
    languageConfidence: analysis.languageConfidence,
    sentiment: analysis.sentiment,
    offensive: analysis.offensive,
    spam: analysis.spam,
    intents: analysis.intents,
    keywords: analysis.keywords,
    hashtags: analysis.hashtags,
    mentions: analysis.mentions,
    urls: analysis.urls,
    named: analysis.named,
    modelVersion: analysis.modelVersion,
  };
}

async function namedThingsFor(flags: AnalyzeFlags): Promise<NamedThings> {
  const named: NamedThings = { brand: flags.brand, products: flags.product, competitors: flags.competitor };
  if (!flags.workspace) {
    return named;
  }
  const workspaceName = flags.workspace;
  const stored = await withHearth({ data: flags.data }, async (hearth) => {
    const matches = await findWorkspaces(hearth.db.kysely, workspaceName);
    if (matches.length !== 1) {
      throw new CliError(matches.length === 0 ? `No workspace "${workspaceName}"` : `Several workspaces are named "${workspaceName}": use the id`);
    }
    return matches[0]!.namedThings;
  });
  return {
    brand: [...stored.brand, ...flags.brand],
    products: [...stored.products, ...flags.product],
    competitors: [...stored.competitors, ...flags.competitor],
  };
}

/**
 * Reads `{"id","text"}` lines and writes one JSON object per line, in order. Malformed lines are
 * reported on stderr with their number and skipped; returns how many were skipped.
 */
export async function analyzeJsonl(
  analyzer: Analyzer,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: { named: NamedThings; language?: string | undefined; onLine?: (bytes: number) => void; report: (message: string) => void },
): Promise<{ analysed: number; skipped: number }> {
  let lineNumber = 0;
  let analysed = 0;
  let skipped = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    options.onLine?.(Buffer.byteLength(line) + 1);
    if (line.trim() === '') {
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      options.report(`line ${lineNumber}: not valid JSON, skipped`);
      skipped += 1;
      continue;
    }
    if (typeof record !== 'object' || record === null || !('text' in record) || typeof record.text !== 'string') {
      options.report(`line ${lineNumber}: expected an object with a "text" string, skipped`);
      skipped += 1;
      continue;
    }
    const id = 'id' in record ? record.id : null;
    const analysis = analyzer.analyze(record.text, { named: options.named, ...(options.language ? { language: options.language } : {}) });
    const written = output.write(`${JSON.stringify(toJsonlRecord(id, analysis))}\n`);
    if (!written) {
      await new Promise((resolve) => output.once('drain', resolve));
    }
    analysed += 1;
  }
  return { analysed, skipped };
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse texts: language, sentiment, offensiveness, spam, intents, keywords, hashtags, mentions, links')
    .argument('[text...]', 'the text to analyse (quote it)')
    .option('--jsonl [file]', 'read {"id","text"} JSON Lines from FILE or - (stdin) and write one JSON object per line')
    .option('-w, --workspace <idOrName>', "also find this workspace's brand, products and competitors (reads the database)")
    .option('--brand <name>', 'a brand name to find (repeatable)', collect, [])
    .option('--product <name>', 'a product name to find (repeatable)', collect, [])
    .option('--competitor <name>', 'a competitor name to find (repeatable)', collect, [])
    .option('--lang <code>', 'skip language detection: the texts are in this language (ISO 639-1)')
    .option('-d, --data <dir>', 'data folder, with --workspace (env HEARTH_DATA_DIR, default ./.hearth)')
    .action(async (words: string[], flags: AnalyzeFlags) => {
      if (flags.lang !== undefined && !/^[a-z]{2}$/.test(flags.lang)) {
        throw new CliError('--lang: use a two-letter ISO 639-1 code such as fr or en');
      }
      if (flags.jsonl === undefined && words.length === 0) {
        throw new CliError('Give a text to analyse, or --jsonl FILE (see hearth analyze --help)');
      }
      if (flags.jsonl !== undefined && words.length > 0) {
        throw new CliError('Give either a text or --jsonl, not both');
      }
      const named = await namedThingsFor(flags);
      const analyzer = await createAnalyzer();
      if (flags.jsonl === undefined) {
        const analysis = analyzer.analyze(words.join(' '), { named, ...(flags.lang ? { language: flags.lang } : {}) });
        process.stdout.write(formatAnalysis(analysis));
        return;
      }
      const path = flags.jsonl === true || flags.jsonl === '-' ? null : flags.jsonl;
      let total = 0;
      if (path) {
        try {
          total = statSync(path).size;
        } catch {
          throw new CliError(`Cannot read ${path}`);
        }
      }
      const input = path ? createReadStream(path) : process.stdin;
      const bar = process.stderr.isTTY && total > 0 ? new SingleBar({ stream: process.stderr, format: 'Analysing [{bar}] {percentage}% | {eta_formatted} left' }) : null;
      bar?.start(total, 0);
      let done = 0;
      const result = await analyzeJsonl(analyzer, input, process.stdout, {
        named,
        language: flags.lang,
        onLine: (bytes) => {
          done += bytes;
          bar?.update(Math.min(done, total));
        },
        report: (message) => {
          bar?.stop();
          process.stderr.write(`${message}\n`);
          bar?.start(total, Math.min(done, total));
        },
      });
      bar?.stop();
      process.stderr.write(`Analysed ${result.analysed} texts${result.skipped > 0 ? `, skipped ${result.skipped} malformed lines` : ''}.\n`);
    });
}
