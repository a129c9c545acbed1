/**
 * A streaming CSV reader (RFC 4180): fields separated by commas, records by CRLF, LF or CR; a field
 * in double quotes may hold commas, quotes (doubled) and line breaks. Lenient where real exports
 * are sloppy — a quote inside an unquoted field, or text after a closing quote, is kept as text —
 * and strict only where data would be lost: a quote left open at the end of the file.
 */

export interface CsvRecord {
  fields: string[];
  /** The line (1-based) where the record starts. */
  line: number;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Records of the CSV text arriving in `chunks`; throws CsvError for a quote never closed. */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  /** Inside quotes, the last character was a quote: either the end of the quotes or half of "". */
  let quoteSeen = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  let lastWasCr = false;
  let first = true;

  const endField = (): void => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };

  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk[i] as string;
      if (lastWasCr) {
        lastWasCr = false;
        if (char === '\n') {
          // The LF of a CRLF already counted.
          if (quoted && !quoteSeen) {
            field += char;
          }
          continue;
        }
      }
      if (quoted) {
        if (quoteSeen) {
          if (char === '"') {
            field += '"';
            quoteSeen = false;
            continue;
          }
          quoted = false;
          quoteSeen = false;
          // Falls through: the character after the closing quote is read as unquoted.
        } else {
          if (char === '"') {
            quoteSeen = true;
          } else {
            field += char;
            if (char === '\n' || char === '\r') {
              line += 1;
              lastWasCr = char === '\r';
            }
          }
          continue;
        }
      }
      if (char === ',') {
        endField();
      } else if (char === '\n' || char === '\r') {
        endField();
        const record = { fields, line: recordLine };
        fields = [];
        line += 1;
        recordLine = line;
        lastWasCr = char === '\r';
        if (!(record.fields.length === 1 && record.fields[0] === '')) {
          yield record;
        }
      } else if (char === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else {
        field += char;
        fieldStarted = true;
      }
    }
  }
  if (quoted && !quoteSeen) {
    throw new CsvError(`A quoted field opened on line ${recordLine} is never closed`, recordLine);
  }
  if (fieldStarted || fields.length > 0 || field !== '') {
    endField();
    yield { fields, line: recordLine };
  }
}
