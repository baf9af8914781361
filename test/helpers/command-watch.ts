/**
 * What the code under test asks the database: the driver's command events (the test database is
 * connected with command monitoring), each with its command, collection and filter.
 */
import mongoose from 'mongoose';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';

export type Asked = { command: string; collection: string; filter: unknown };

const READS = new Set(['find', 'count', 'aggregate', 'distinct', 'findAndModify', 'update', 'delete']);

export function watchCommands() {
  const client = mongoose.connection.getClient();
  const asked: Asked[] = [];
  const listener = (e: CommandStartedEvent) => {
    if (!READS.has(e.commandName)) return;
    const body = e.command as Record<string, any>;
    const filter =
      body.filter ?? body.query ?? body.updates?.[0]?.q ?? body.deletes?.[0]?.q ?? body.pipeline ?? {};
    asked.push({ command: e.commandName, collection: String(body[e.commandName]), filter });
  };
  client.on('commandStarted', listener);
  return {
    asked,
    stop() {
      client.off('commandStarted', listener);
    },
  };
}

/**
 * The writes of one kind to one collection (`insert` / `update` commands), each as the number
 * of documents or statements it carried: how many commands a burst of writes became.
 */
export function watchWriteBatches(command: 'insert' | 'update', collection: string) {
  const client = mongoose.connection.getClient();
  const batches: number[] = [];
  const listener = (e: CommandStartedEvent) => {
    if (e.commandName !== command || e.command[command] !== collection) return;
    const items = command === 'insert' ? e.command.documents : e.command.updates;
    batches.push((items as unknown[]).length);
  };
  client.on('commandStarted', listener);
  return {
    batches,
    stop() {
      client.off('commandStarted', listener);
    },
  };
}

const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/** Whether a write's reply says it changed a document. */
function changedDocuments(command: string, reply: Record<string, any>): boolean {
  if (command === 'update') return (reply.nModified ?? 0) > 0 || (reply.upserted?.length ?? 0) > 0;
  if (command === 'findAndModify') return (reply.lastErrorObject?.n ?? 0) > 0;
  return (reply.n ?? 0) > 0;
}

/**
 * The writes that changed documents in the collections whose names match `collections`, each as
 * `command collection`: an insert, an update that modified or upserted, a delete that removed, a
 * findAndModify that found its document. What the database acknowledged, read from the driver's
 * command events, so it costs nothing however large the collections grow.
 */
export function watchChangingWrites(collections: RegExp) {
  const client = mongoose.connection.getClient();
  const inFlight = new Map<string, string>();
  const writes: string[] = [];
  const key = (e: { connectionId?: unknown; requestId: number }) =>
    `${String(e.connectionId)}#${e.requestId}`;
  const started = (e: CommandStartedEvent) => {
    if (!WRITES.has(e.commandName)) return;
    const collection = String(e.command[e.commandName]);
    if (collections.test(collection)) inFlight.set(key(e), `${e.commandName} ${collection}`);
  };
  const succeeded = (e: CommandSucceededEvent) => {
    const write = inFlight.get(key(e));
    if (write === undefined) return;
    inFlight.delete(key(e));
    if (changedDocuments(e.commandName, e.reply as Record<string, any>)) writes.push(write);
  };
  const failed = (e: CommandFailedEvent) => inFlight.delete(key(e));
  client.on('commandStarted', started);
  client.on('commandSucceeded', succeeded);
  client.on('commandFailed', failed);
  return {
    writes,
    stop() {
      client.off('commandStarted', started);
      client.off('commandSucceeded', succeeded);
      client.off('commandFailed', failed);
    },
  };
}
