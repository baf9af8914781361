/**
 * New records of one collection inserted together (`groupedCommand`: the first at once, those
 * asked meanwhile in one unordered command, so one record's refusal is its own).
 *
 * Each record is built, validated, time-stamped and stored as `Model.create` would (it is
 * mongoose's `insertMany`), and answers its own caller: the record as stored (`toObject()` of the
 * document `create` would have given), or the error `create` would have thrown (a validation
 * error, or the driver's E11000 on a unique key).
 */
import mongoose, { type Model } from 'mongoose';
import { groupedCommand } from './grouped-command';
import { driverWriteError } from './write-errors';

/** What `insertMany({ordered: false, rawResult: true})` leaves for each record. */
type ItemResult = mongoose.Document | Error | { code?: number; errmsg?: string; err?: unknown };

export type GroupedInsert = <R = Record<string, unknown>>(fields: Record<string, unknown>) => Promise<R>;

export function groupedInsert(model: () => Model<unknown>): GroupedInsert {
  const insert = groupedCommand<Record<string, unknown>, Record<string, unknown>>(async (all) =>
    (await insertTogether(model(), all)).map(outcome),
  );
  return <R>(fields: Record<string, unknown>) => insert(fields) as Promise<R>;
}

async function insertTogether(target: Model<unknown>, all: Record<string, unknown>[]): Promise<ItemResult[]> {
  try {
    const res = (await target.insertMany(all, { ordered: false, rawResult: true })) as unknown as {
      mongoose?: { results?: ItemResult[] };
    };
    return res.mongoose?.results ?? [];
  } catch (err) {
    const results = (err as { results?: ItemResult[] }).results;
    if (!Array.isArray(results)) throw err;
    return results;
  }
}

function outcome(result: ItemResult | undefined): Record<string, unknown> | Error {
  if (result instanceof mongoose.Document) return result.toObject() as Record<string, unknown>;
  if (result instanceof Error) return result;
  if (result && typeof result === 'object') return driverWriteError(result);
  return new Error('the insert gave no result for this record');
}
