/**
 * New records of one collection inserted together (`groupedCommand`: the first at once, those
 * asked meanwhile in one unordered command, so one record's refusal is its own).
 *
 * Each record is built, validated, time-stamped and stored as `Model.create` would, and answers
 * its own caller: the record as stored, or the error `create` would have thrown (a validation
 * error, or the driver's E11000 on a unique key).
 */
import type { Model } from 'mongoose';
import { internalToObjectOptions } from 'mongoose/lib/options';
import { groupedCommand } from './grouped-command';
import { driverWriteError } from './write-errors';

/** Each record's outcome: the record as stored, or why it was refused. */
type ItemResult = Record<string, unknown> | Error;

type WriteError = { index: number; code?: number; errmsg?: string; err?: unknown };

export type GroupedInsert = <R = Record<string, unknown>>(fields: Record<string, unknown>) => Promise<R>;

export function groupedInsert(model: () => Model<unknown>): GroupedInsert {
  const insert = groupedCommand<Record<string, unknown>, Record<string, unknown>>((all) =>
    insertTogether(model(), all),
  );
  return <R>(fields: Record<string, unknown>) => insert(fields) as Promise<R>;
}

/**
 * What `insertMany(all, {ordered: false})` does, without what this exchange never asks of it:
 * each record is built, validated, versioned and time-stamped as mongoose would, and the valid
 * ones go to the driver in one command, the object sent being the record answered. mongoose's
 * `insertMany` also resets each document's change tracking and turns it into an object again.
 */
async function insertTogether(target: Model<unknown>, all: Record<string, unknown>[]): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(all.length);
  const valid: Record<string, unknown>[] = [];
  const indexOfValid: number[] = [];
  const versionKey = target.schema.get('versionKey');
  const docs = await Promise.all(
    all.map(async (fields, i) => {
      const doc = new target(fields);
      try {
        await doc.validate();
        return doc;
      } catch (invalid) {
        results[i] = invalid as Error;
        return null;
      }
    }),
  );
  docs.forEach((doc, i) => {
    if (!doc) return;
    (doc as unknown as { initializeTimestamps?: () => void }).initializeTimestamps?.();
    const stored = doc.toObject(internalToObjectOptions) as Record<string, unknown>;
    if (typeof versionKey === 'string') stored[versionKey] = 0;
    results[i] = stored;
    valid.push(stored);
    indexOfValid.push(i);
  });
  if (valid.length === 0) return results;
  try {
    await target.collection.insertMany(valid, { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: unknown }).writeErrors;
    if (!writeErrors) throw err;
    for (const refused of (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as WriteError[])
      results[indexOfValid[refused.index]] = driverWriteError(refused);
  }
  return results;
}
