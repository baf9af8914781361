/**
 * What the code under test asks the database: the driver's command events (the test database is
 * connected with command monitoring), each with its command, collection and filter.
 */
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

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
