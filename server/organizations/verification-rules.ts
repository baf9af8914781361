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
