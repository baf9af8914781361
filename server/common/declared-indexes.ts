/**
 * The indexes the models declare, made at start-up (mongoose's own `autoIndex` is off). On
 * MongoDB every declared index is made, for the day the exchange runs there. On FerretDB only
 * those it reads or needs: unique indexes (they are constraints) and single-field indexes on a
 * true/false field (read by bool-field-index.patch). FerretDB reads no other index for any query,
 * yet works out every index's key on every write of its collection: dropping the others took a
 * fifth off its CPU per accepted term sheet (`npm run bench:http`, 2.6 → 2.1 ms). A non-unique
 * index left on FerretDB by an earlier version is dropped.
 */
import mongoose from 'mongoose';

type Db = mongoose.mongo.Db;
type Collection = mongoose.mongo.Collection;

export type IndexKeys = Record<string, unknown>;
export type IndexOptions = Record<string, unknown>;

/** Whether FerretDB uses this declared index (pure: `typeOf` names a path's schema type). */
export function ferretDbUsesIndex(
  keys: IndexKeys,
  options: IndexOptions,
  typeOf: (path: string) => string | undefined,
): boolean {
  if (options.unique) return true;
  const paths = Object.keys(keys);
  return paths.length === 1 && typeOf(paths[0]) === 'Boolean';
}

/** A stable text for an index's keys, in order (`{a: 1, b: -1}` → `a:1,b:-1`). */
export function keysText(keys: IndexKeys): string {
  return Object.entries(keys)
    .map(([path, dir]) => `${path}:${String(dir)}`)
    .join(',');
}

export async function isFerretDb(db: Db): Promise<boolean> {
  const build = await db.admin().command({ buildInfo: 1 });
  return typeof build.ferretdbVersion === 'string';
}

const made = new WeakMap<mongoose.Connection, Promise<void>>();

/** Makes the models' indexes on the connection's database, once per connection. */
export function ensureDeclaredIndexes(connection: mongoose.Connection = mongoose.connection): Promise<void> {
  let making = made.get(connection);
  if (!making) {
    making = makeDeclaredIndexes(connection);
    made.set(connection, making);
    making.catch(() => made.delete(connection));
  }
  return making;
}

/** Makes the models' indexes now (and on FerretDB drops those it does not use). */
export async function makeDeclaredIndexes(connection: mongoose.Connection): Promise<void> {
  const models = connection.modelNames().map((name) => connection.model(name));
  if (!(await isFerretDb(connection.db!))) {
    for (const model of models) await model.createIndexes();
    return;
  }
  const kept = new Map<string, { collection: Collection; keys: Set<string> }>();
  for (const model of models) {
    const collection = model.collection as unknown as Collection;
    const entry = kept.get(collection.collectionName) ?? { collection, keys: new Set<string>() };
    kept.set(collection.collectionName, entry);
    for (const [keys, options] of model.schema.indexes() as [IndexKeys, IndexOptions][]) {
      if (!ferretDbUsesIndex(keys, options, (path) => model.schema.path(path)?.instance)) continue;
      await collection.createIndex(keys as never, options);
      entry.keys.add(keysText(keys));
    }
  }
  for (const { collection, keys } of kept.values()) {
    for (const index of await existingIndexes(collection)) {
      if (index.name === '_id_' || index.unique || keys.has(keysText(index.key))) continue;
      await collection.dropIndex(index.name);
    }
  }
}

async function existingIndexes(
  collection: Collection,
): Promise<{ name: string; key: IndexKeys; unique?: boolean }[]> {
  try {
    return (await collection.indexes()) as { name: string; key: IndexKeys; unique?: boolean }[];
  } catch {
    return []; // the collection does not exist yet
  }
}
