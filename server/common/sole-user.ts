/**
 * Whether this process is the database's only user: locks in memory, which LOCK_BACKEND=memory
 * promises (locks.ts sets it with the lock backend). Every write then goes through this
 * process's stores, so what a store last wrote or read under its lock is what the database
 * holds, and it need not read it back.
 */
let sole = false;

export function isSoleDatabaseUser(): boolean {
  return sole;
}

export function setSoleDatabaseUser(value: boolean): void {
  sole = value;
}
