/**
 * New records of one collection inserted together (`groupedCommand`: the first at once, those
 * asked meanwhile in one unordered command, so one record's refusal is its own).
 *
 * Each record is built, validated, time-stamped and stored as `Model.create` would, and answers
 * its own caller: the record as stored, or the error `create` would have thrown (a validation
 * error, or the driver's E11000 on a unique key).
 */
import type { Model } from 'mongoose';
import { groupedCommand } from './grouped-command';
import { driverWriteError } from './write-errors';
import { buildRecord } from './plain-record';

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
 * each record is built, validated, versioned and time-stamped as mongoose would (plain-record.ts),
 * and the valid ones go to the driver in one command, the object sent being the record answered.
 */
async function insertTogether(target: Model<unknown>, all: Record<string, unknown>[]): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(all.length);
  const valid: Record<string, unknown>[] = [];
  const indexOfValid: number[] = [];
  const built = await Promise.all(
    all.map((fields) => buildRecord(target, fields).catch((invalid: Error) => invalid)),
  );
  built.forEach((record, i) => {
    results[i] = record;
    if (record instanceof Error) return;
    valid.push(record);
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
