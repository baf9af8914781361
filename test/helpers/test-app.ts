/**
 * The exchange's Express app for API tests: the real database from the global fixture, an
 * in-memory embedded search engine (or a fresh Meilisearch index, see search-engine.ts), no open port (supertest drives the app directly).
 */
import mongoose from 'mongoose';
import type { Express } from 'express';
import { clearRecordCaches } from '../../server/common/record-cache';
import { statsCaughtUp } from '../../server/stats';
import { connectDatabase } from '../../server/common/db';
import { EventBus } from '../../server/common/events';
import { createApp } from '../../server/app';
import type { BuiltApp } from '../../server/runtime-types';
import type { AppContext } from '../../server/context';
import type { SearchEngine } from '../../search';
import { cacheSearchAnswers } from '../../server/search-sync/cached-search';
import { testConfig } from './config';
import { testSearchEngine } from './search-engine';
import { recordResponseMismatch } from './response-check';

export interface TestApp {
  app: Express;
  built: BuiltApp;
  ctx: AppContext;
}

const testEngines = new Set<SearchEngine>();

export async function connectTestDatabase(): Promise<void> {
  if (mongoose.connection.readyState !== 1)
    await connectDatabase(process.env.MONGODB_URI!, { monitorCommands: true });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  await connectTestDatabase();
  const config = testConfig(overrides);
  // As in the exchange: repeated answers come from the cache, which every write must empty.
  const search = cacheSearchAnswers(testSearchEngine(), config.searchCacheMs);
  await search.open();
  testEngines.add(search);
  const ctx: AppContext = { config, bus: new EventBus(), search, onResponseMismatch: recordResponseMismatch };
  const built = createApp(ctx);
  return { app: built.app, built, ctx };
}

/** Empties every collection: each test starts from a clean database and builds its own data. */
export async function resetDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  // Rollup changes still under way from the last test must not land in the emptied database.
  await statsCaughtUp();
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map((c) => db.collection(c.name).deleteMany({})));
  clearRecordCaches();
  // The index is built from the database: it starts empty with it.
  await Promise.all([...testEngines].map((engine) => engine.clear().catch(() => undefined)));
}
