/** Counts failed database commands and connection errors of this process's mongoose connection. */
import type { Connection } from 'mongoose';
import { databaseErrors } from './registry';

const watched = new WeakSet<object>();

export function watchDatabaseErrors(connection: Connection): void {
  const client = connection.getClient();
  if (watched.has(client)) return;
  watched.add(client);
  // Command events are emitted only with monitorCommands (exchange.ts asks for it with METRICS_TOKEN).
  client.on('commandFailed', (event) => databaseErrors.inc({ command: event.commandName }));
  connection.on('error', () => databaseErrors.inc({ command: 'connection' }));
}
