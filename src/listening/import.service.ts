/**
 * Importing an export file (JSONL or CSV of the import format) into a workspace: read lazily,
 * ingested in batches through `ingestItems` — so importing the same file twice stores nothing
 * twice, and an import cut short is completed by running it again — with every bad row reported by
 * its line number.
 */
import type { Readable } from 'node:stream';
import { DEFAULT_BATCH_SIZE, ingestItems } from './ingest.service.js';
import type { ListeningDeps } from './listening.deps.js';
import { readImportRecords, type ImportFormat } from './import/records.js';

export interface ImportReport {
  rows: number;
  stored: number;
  duplicates: number;
  updated: number;
  /** Rows refused, with their line numbers, in file order. */
  bad: { line: number; id: string | null; reason: string }[];
}

export interface ImportOptions {
  format: ImportFormat;
  /** Bytes read so far (for a progress bar). */
  onProgress?: (bytes: number) => void;
  batchSize?: number;
}

export async function importFile(
  deps: ListeningDeps,
  workspaceId: string,
  sourceId: string,
  file: string | Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, stored: 0, duplicates: 0, updated: 0, bad: [] };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let values: unknown[] = [];
  let lines: number[] = [];
  const flush = async (): Promise<void> => {
    if (values.length === 0) {
      return;
    }
    const result = await ingestItems(deps, workspaceId, sourceId, values, { batchSize });
    report.stored += result.stored;
    report.duplicates += result.duplicates;
    report.updated += result.updated;
    for (const rejected of result.rejected) {
      report.bad.push({ line: lines[rejected.index] ?? 0, id: rejected.id, reason: rejected.reason });
    }
    values = [];
    lines = [];
  };
  for await (const record of readImportRecords(file, options.format, options.onProgress)) {
    report.rows += 1;
    if ('problem' in record) {
      report.bad.push({ line: record.line, id: null, reason: record.problem });
      continue;
    }
    values.push(record.value);
    lines.push(record.line);
    if (values.length >= batchSize) {
      await flush();
    }
  }
  await flush();
  report.bad.sort((a, b) => a.line - b.line);
  return report;
}
