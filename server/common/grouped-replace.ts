/**
 * Whole documents of one collection stored by `_id` (replaced, or inserted when absent), those
 * stored at the same moment in one command (`groupedCommand`). The caller owns the documents it
 * stores (its lock, or a key only it writes), so no two of one command share an `_id`.
 */
import type { Collection } from 'mongodb';
import { groupedCommand } from './grouped-command';
import { driverWriteError } from './write-errors';

export type GroupedReplace = (doc: { _id: unknown } & Record<string, unknown>) => Promise<void>;

export function groupedReplace(collection: () => Collection): GroupedReplace {
  const replace = groupedCommand<{ _id: unknown } & Record<string, unknown>, true>(async (docs) => {
    const replacements = docs.map(({ _id, ...fields }) => ({
      replaceOne: { filter: { _id }, replacement: fields, upsert: true },
    }));
    try {
      await collection().bulkWrite(replacements as never, { ordered: false });
      return docs.map(() => true as const);
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code?: number; errmsg?: string }[] })
        .writeErrors;
      if (!Array.isArray(writeErrors)) throw err;
      const refused = new Map(writeErrors.map((w) => [w.index, driverWriteError(w)]));
      return docs.map((_, i) => refused.get(i) ?? (true as const));
    }
  });
  return async (doc) => {
    await replace(doc);
  };
}
