import { appendAuditEntry } from './audit.store';
import { logger } from '../common/logger';

/** Records who did what to which object. Never fails the action it records. */
export async function recordAudit(entry: {
  actorId?: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}): Promise<void> {
  try {
    await appendAuditEntry(entry);
  } catch (err) {
    logger.error({ err, entry }, 'audit entry not recorded');
  }
}
