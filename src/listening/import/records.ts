/**
 * Import files as items with their line numbers: JSONL (one JSON object per line) or CSV with a
 * header row naming the columns of the import format (id, network, author, authorName, text,
 * createdAt, url, likes, reposts, replies, followers; `author_name`, `created_at`… are accepted, other
 * columns ignored). A row that cannot even be read (bad JSON) comes with its problem instead.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseCsv } from './csv.js';

export type ImportFormat = 'jsonl' | 'csv';

export type ImportRecord = { line: number; value: unknown } | { line: number; problem: string };

/** A file's format from its name: .csv is CSV, .jsonl / .ndjson / .json are JSONL. */
export function formatOf(path: string): ImportFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) {
    return 'csv';
  }
  return /\.(jsonl|ndjson|json)$/.test(lower) ? 'jsonl' : null;
}

/** The header's problem: no id or text column. */
export class ImportHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportHeaderError';
  }
}

const COLUMNS: Record<string, string> = {
  id: 'id',
  network: 'network',
  author: 'author',
  authorhandle: 'author',
  handle: 'author',
  authorname: 'authorName',
  text: 'text',
  createdat: 'createdAt',
  date: 'createdAt',
  url: 'url',
  likes: 'likes',
  reposts: 'reposts',
  replies: 'replies',
  followers: 'followers',
  language: 'language',
};
const NUMERIC = new Set(['likes', 'reposts', 'replies', 'followers']);

/** Reads `source` (a path, or a stream for tests and stdin) as import records; `onBytes` reports progress. */
export async function* readImportRecords(
  source: string | Readable,
  format: ImportFormat,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<ImportRecord> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  let bytes = 0;
  const text = async function* (): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.byteLength;
      onBytes(bytes);
      yield decoder.decode(buffer, { stream: true });
    }
    yield decoder.decode();
  };
  if (format === 'jsonl') {
    let line = 0;
    for await (const row of createInterface({ input: Readable.from(text()), crlfDelay: Infinity })) {
      line += 1;
      const trimmed = line === 1 ? row.replace(/^\uFEFF/, '').trim() : row.trim();
      if (trimmed === '') {
        continue;
      }
      try {
        yield { line, value: JSON.parse(trimmed) as unknown };
      } catch {
        yield { line, problem: 'not valid JSON' };
      }
    }
    return;
  }
  let header: (string | null)[] | null = null;
  for await (const record of parseCsv(text())) {
    if (header === null) {
      header = record.fields.map((name) => COLUMNS[name.toLowerCase().replace(/[^a-z]/g, '')] ?? null);
      if (!header.includes('id') || !header.includes('text')) {
        throw new ImportHeaderError(`The CSV header (line ${record.line}) must name at least the id and text columns; it has: ${record.fields.join(', ')}`);
      }
      continue;
    }
    if (record.fields.length > header.length) {
      yield { line: record.line, problem: `${record.fields.length} fields where the header has ${header.length} (a comma in an unquoted field?)` };
      continue;
    }
    const value: Record<string, string | number> = {};
    header.forEach((key, index) => {
      const field = record.fields[index];
      if (key === null || field === undefined || field.trim() === '') {
        return;
      }
      value[key] = NUMERIC.has(key) && /^\s*\d+\s*$/.test(field) ? Number(field) : field;
    });
    yield { line: record.line, value };
  }
}
