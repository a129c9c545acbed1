import { describe, expect, it } from 'vitest';
import { parseCsvRecords, parseDelimited } from './csv.js';

describe('parseDelimited', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF', () => {
    const text = 'a,b,c\r\n1,"x, ""y""",3\n"multi\nline",,last\n';
    expect(parseDelimited(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['multi\nline', '', 'last'],
    ]);
  });

  it('parses tab-separated text and a last line without newline', () => {
    expect(parseDelimited('x\ty\n1\t2', '\t')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});

describe('parseCsvRecords', () => {
  it('keys fields by header and skips blank lines', () => {
    expect(parseCsvRecords('id,text\n1,bonjour\n\n2,"salut, toi"\n')).toEqual([
      { id: '1', text: 'bonjour' },
      { id: '2', text: 'salut, toi' },
    ]);
  });
});
