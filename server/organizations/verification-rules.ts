/** What an operator checked when verifying an organization; changing it voids the verification. */
const VERIFIED_FIELDS = ['name', 'taxCode'] as const;

export function patchRevokesVerification(
  current: Partial<Record<(typeof VERIFIED_FIELDS)[number], unknown>>,
  patch: Record<string, unknown>,
): boolean {
  return VERIFIED_FIELDS.some(
    (field) => patch[field] !== undefined && String(patch[field] ?? '') !== String(current[field] ?? ''),
  );
}

/** Where an organization stands with the operators who verify it. */
export type VerificationState = 'verified' | 'refused' | 'pending';

export function verificationState(org: { verified?: boolean | null; refusal?: unknown }): VerificationState {
  if (org.verified) return 'verified';
  return org.refusal ? 'refused' : 'pending';
}

/**
 * Why an organization cannot be refused now, or null when it can: a verified one is not refused
 * (refusing is not revoking), and a standing refusal waits for the organization to edit its profile.
 */
export function refusalConflict(org: { verified?: boolean | null; refusal?: unknown }): string | null {
  const state = verificationState(org);
  if (state === 'verified')
    return 'This organization is verified; a verified organization cannot be refused.';
  if (state === 'refused')
    return 'This organization was refused and has not edited its profile since; nothing new to decide.';
  return null;
}
