/**
 * Whether a write failed on a unique index. MongoDB says E11000; FerretDB says so on inserts
 * but reports a SQLite "UNIQUE constraint failed" with another code on findAndModify.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null;
  if (!e) return false;
  return e.code === 11000 || /E11000|UNIQUE constraint failed|duplicate key/i.test(e.message ?? '');
}
