/**
 * The exchange's Express app for API tests: the real database from the global fixture, an
 * in-memory embedded search engine, no open port (supertest drives the app directly).
 */
import mongoose from 'mongoose';
import type { Express } from 'express';
import { clearRecordCaches } from '../../server/common/record-cache';
import { connectDatabase } from '../../server/common/db';
import { EventBus } from '../../server/common/events';
import { createApp, type BuiltApp } from '../../server/app';
import type { AppContext } from '../../server/context';
import { createSearchEngine, type SearchEngine } from '../../search';
import { testConfig } from './config';

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
  const search = createSearchEngine({ embeddedPath: ':memory:' });
  await search.open();
  testEngines.add(search);
  const ctx: AppContext = { config, bus: new EventBus(), search };
  const built = createApp(ctx);
  return { app: built.app, built, ctx };
}

/** Empties every collection: each test starts from a clean database and builds its own data. */
export async function resetDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map((c) => db.collection(c.name).deleteMany({})));
  clearRecordCaches();
  // The index is built from the database: it starts empty with it.
  await Promise.all([...testEngines].map((engine) => engine.clear().catch(() => undefined)));
}
