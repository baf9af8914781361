/** The audit trail: who did what to which object. Others record entries; they never fail the action. */
export { recordAudit } from './audit.service';
