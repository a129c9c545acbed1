/** `count(*)` is a number on SQLite and a string (bigint) on PostgreSQL: read both as a number. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) {
    return 0;
  }
  return typeof value === 'number' ? value : Number(value);
}
