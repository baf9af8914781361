/** The MongoDB connection (FerretDB by default). One connection per process. */
import mongoose from 'mongoose';
import { ensureDeclaredIndexes } from './declared-indexes';

mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

/** `monitorCommands` lets tests watch what each request asks the database (the driver's command events). */
export async function connectDatabase(
  uri: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<typeof mongoose> {
  const connected = await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 3000,
    // The declared indexes are made below: on FerretDB only those it uses (declared-indexes.ts).
    autoIndex: false,
    monitorCommands: opts.monitorCommands ?? false,
  });
  await ensureDeclaredIndexes(connected.connection);
  return connected;
}

/** Answers within `timeoutMs` whether the database responds to a ping. */
export async function pingDatabase(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db
        .admin()
        .command({ ping: 1 })
        .then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
