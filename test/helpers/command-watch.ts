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
