/**
 * The audit store: the only code that writes the audit log (append only). Entries recorded at
 * the same moment by concurrent requests are inserted together in one command (the first goes at
 * once, those arriving while it is written go in the next), straight through the driver: an
 * entry's fields are few and fixed, so mongoose's document building is not worth its cost on
 * every write the exchange makes.
 */
import mongoose from 'mongoose';
import { batchedWriter } from '../common/batched-writer';
import type { ModelReads } from '../common/store';
import { AuditModel } from './audit.model';

export const auditReads: ModelReads<typeof AuditModel> = AuditModel;

export interface AuditEntryInput {
  actorId?: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}

const entries = batchedWriter<Record<string, unknown>>(async (_key, docs) => {
  await AuditModel.collection.insertMany(docs, { ordered: true });
});

/** The stored form of an entry, as the model's schema would cast it. */
export function auditDocument(entry: AuditEntryInput, at = new Date()): Record<string, unknown> {
  if (!entry.action || !entry.targetType || !entry.targetId)
    throw new Error('an audit entry names its action, target type and target id');
  return {
    _id: new mongoose.Types.ObjectId(),
    ...(entry.actorId ? { actorId: new mongoose.Types.ObjectId(entry.actorId) } : {}),
    action: entry.action,
    targetType: entry.targetType,
    targetId: String(entry.targetId),
    ...(entry.data !== undefined ? { data: withoutUndefined(entry.data) } : {}),
    createdAt: at,
    __v: 0,
  };
}

export async function appendAuditEntry(entry: AuditEntryInput): Promise<void> {
  await entries.write('audit', auditDocument(entry));
}

/** Plain objects and arrays without their undefined values (as mongoose stores a mixed field). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}
