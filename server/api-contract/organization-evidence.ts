/** Organizations' evidence documents for verification: the limits the server enforces and the client shows. */

/** What a document shows the operators. */
export const EVIDENCE_KINDS = ['business_registration', 'establishment_decision', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** At most this many documents an organization. */
export const MAX_EVIDENCE_DOCUMENTS = 10;
/** A document may be at most this large (bytes). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** The types accepted (recognised by their content), as a file input's `accept`. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export function evidenceUrl(organizationId: string, evidenceId: string): string {
  return `/api/organizations/${organizationId}/evidence/${evidenceId}`;
}
