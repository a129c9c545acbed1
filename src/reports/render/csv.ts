/**
 * Every table of a report in one CSV file (RFC 4180: CRLF lines, fields quoted when needed, quotes
 * doubled), in long form so that tables of different shapes share one header:
 * `table,ref,row,column,value` — one line per cell. The figures come first as the table "figures".
 * Text cells starting with = + - @ (or a tab or carriage return) are prefixed with ' so that a
 * spreadsheet never runs them as formulas; numbers are written as numbers.
 */
import type { Cell, ReportModel } from '../model/report-model.js';

export const CSV_HEADER = ['table', 'ref', 'row', 'column', 'value'];

/** A text cell made harmless for spreadsheets. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(cell: Cell): string {
  if (cell === null) {
    return '';
  }
  const text = typeof cell === 'number' ? String(cell) : neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

export function renderCsv(model: ReportModel): string {
  let out = line(CSV_HEADER);
  let row = 0;
  for (const section of model.sections) {
    for (const figure of section.figures) {
      row++;
      const cells: [string, Cell][] = [
        ['section', section.title],
        ['name', figure.name],
        ['value', figure.value],
        ['previous', figure.previous],
        ['delta', figure.delta],
        ['unit', figure.unit],
        ['items', figure.count],
        ['items previous', figure.previousCount],
        ['formula', figure.formula],
        ['note', figure.note],
      ];
      for (const [column, value] of cells) {
        out += line(['figures', figure.ref, row, column, value]);
      }
    }
  }
  for (const section of model.sections) {
    for (const table of section.tables) {
      table.rows.forEach((cells, index) => {
        table.columns.forEach((column, c) => {
          out += line([table.title, table.ref, index + 1, column === '' ? 'label' : column, cells[c] ?? null]);
        });
      });
    }
  }
  return out;
}
