import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, type CsvRecord } from './csv.js';

async function records(...chunks: string[]): Promise<CsvRecord[]> {
  async function* source(): AsyncGenerator<string> {
    yield* chunks;
  }
  const out: CsvRecord[] = [];
  for await (const record of parseCsv(source())) {
    out.push(record);
  }
  return out;
}

describe('CSV reader (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, with each record’s first line', async () => {
    expect(await records('\uFEFFid,text\r\n1,"a, ""b""\r\nc"\r\n2,plain\n\n3,"x"')).toEqual([
      { fields: ['id', 'text'], line: 1 },
      { fields: ['1', 'a, "b"\r\nc'], line: 2 },
      { fields: ['2', 'plain'], line: 4 },
      { fields: ['3', 'x'], line: 6 },
    ]);
  });

  it('does not depend on where the chunks split (a CRLF, a doubled quote across chunks)', async () => {
    const text = 'id,text\r\n1,"say ""hi""\r\nnow"\r\n2,b\r\n';
    const whole = await records(text);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await records(text.slice(0, cut), text.slice(cut))).toEqual(whole);
    }
  });

  it('keeps empty fields, a last line without a newline, and CR-only files', async () => {
    expect(await records('a,b,c\n1,,\n,"",x')).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '', ''], line: 2 },
      { fields: ['', '', 'x'], line: 3 },
    ]);
    expect(await records('a\r1\r2')).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['1'], line: 2 },
      { fields: ['2'], line: 3 },
    ]);
  });

  it('is lenient with stray quotes, strict with a quote never closed', async () => {
    expect(await records('a,b\n5" lamp,"x"y\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['5" lamp', 'xy'], line: 2 },
    ]);
    await expect(records('id,text\n1,"open\n2,x')).rejects.toEqual(new CsvError('A quoted field opened on line 2 is never closed', 2));
  });
});
