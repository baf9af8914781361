/**
 * What the stores tell the rest of the process after each write: caches drop what changed and
 * read models (owner lists, counters) follow. A store awaits `recordWritten` after its write
 * succeeded and before it returns, so a reader that comes after the write never sees the old
 * view. Hooks are registered once at start-up; a failing hook is logged, never the writer's error.
 */
import { logger } from './logger';

export type RecordType =
  | 'offer'
  | 'demand'
  | 'bid'
  | 'deal'
  | 'payment'
  | 'user'
  | 'organization'
  | 'notification'
  | 'message'
  | 'read-marker'
  | 'session'
  | 'owner-list'
  | 'capability'
  | 'expert'
  | 'appraisal'
  | 'event'
  | 'event-registration'
  | 'meeting';

export interface RecordChange {
  type: RecordType;
  id: string;
  /** The stored record before the write (null for a creation), when the store read it. */
  before?: Record<string, unknown> | null;
  /** The stored record after the write (null for a deletion), when the store has it. */
  after?: Record<string, unknown> | null;
}

export type RecordHook = (change: RecordChange) => Promise<void> | void;

const hooks = new Set<RecordHook>();
const named = new Map<string, RecordHook>();

/**
 * Registers a hook. A `name` makes it the process's one hook of that name: registering it again
 * (a new app built in the same process, as tests do) replaces the previous one.
 */
export function onRecordWritten(hook: RecordHook, name?: string): () => void {
  if (name) {
    const previous = named.get(name);
    if (previous) hooks.delete(previous);
    named.set(name, hook);
  }
  hooks.add(hook);
  return () => {
    hooks.delete(hook);
    if (name && named.get(name) === hook) named.delete(name);
  };
}

export async function recordWritten(change: RecordChange): Promise<void> {
  for (const hook of [...hooks]) {
    try {
      await hook(change);
    } catch (err) {
      logger.error({ err, type: change.type, id: change.id }, 'record-change hook failed');
    }
  }
}
