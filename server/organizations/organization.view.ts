import type { OrganizationDoc } from './organization.model';
import { verificationState } from './verification-rules';

export function organizationView(org: OrganizationDoc) {
  return {
    id: String(org._id),
    name: org.name,
    kind: org.kind,
    taxCode: org.taxCode ?? undefined,
    province: org.province ?? undefined,
    website: org.website ?? undefined,
    description: org.description ?? '',
    verified: Boolean(org.verified),
    verifiedAt: org.verifiedAt?.toISOString(),
    capability: {
      fields: org.capability?.fields ?? [],
      keywords: org.capability?.keywords ?? [],
      staff: org.capability?.staff ?? undefined,
      labs: org.capability?.labs ?? [],
    },
    createdAt: (org as { createdAt?: Date }).createdAt?.toISOString(),
    verificationState: verificationState(org),
    refusal: org.refusal?.at
      ? { reason: org.refusal.reason ?? '', at: new Date(org.refusal.at).toISOString() }
      : undefined,
  };
}

export type OrganizationView = ReturnType<typeof organizationView>;

/** What anyone may see of a verified organization: no tax code, nothing of its verification's history. */
export function publicOrganizationView(org: OrganizationDoc) {
  const { taxCode: _taxCode, refusal: _refusal, verificationState: _state, ...rest } = organizationView(org);
  return rest;
}
