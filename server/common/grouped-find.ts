/**
 * Reads by `_id` for many callers in one command (`groupedCommand`: the first at once, those
 * asked meanwhile together in one `$in`), each caller getting its own copy of its record or null.
 * Concurrent writers each read the record they are about to change: twenty deals read in four
 * commands instead of twenty (FerretDB serves an `_id` list from its index, see id-index.patch).
 */
import mongoose from 'mongoose';
import { groupedCommand } from './grouped-command';
import { cloneRecord } from './clone-record';

export type GroupedFind = <D>(id: unknown) => Promise<D | null>;

/** The records with these ids, by id as text, read in one command. */
export async function findByIds<D extends { _id: unknown }>(
  model: mongoose.Model<any>,
  ids: unknown[],
): Promise<Map<string, D>> {
  const docs = (await model.find({ _id: mongoose.trusted({ $in: ids }) }).lean()) as D[];
  return new Map(docs.map((doc) => [String(doc._id), doc]));
}

export function groupedFindById(model: () => mongoose.Model<any>): GroupedFind {
  const find = groupedCommand<unknown, unknown>(async (ids) => {
    const byId = await findByIds(model(), ids);
    const given = new Set<string>();
    return ids.map((id) => {
      const doc = byId.get(String(id));
      if (!doc) return null;
      // The same record asked twice in one command: each caller may change its own.
      if (given.has(String(id))) return cloneRecord(doc);
      given.add(String(id));
      return doc;
    });
  });
  return async <D>(id: unknown) => {
    let cast: unknown;
    try {
      cast = model().schema.path('_id').cast(id);
    } catch {
      return null; // not an id of this collection: no such record, as `findById` answers
    }
    return (await find(cast)) as D | null;
  };
}
