/** The audit store: the only code that writes the audit log (append only). */
import type { ModelReads } from '../common/store';
import { AuditModel } from './audit.model';

export const auditReads: ModelReads<typeof AuditModel> = AuditModel;

export async function appendAuditEntry(entry: Record<string, unknown>): Promise<void> {
  await AuditModel.create(entry);
}
