import type { OrganizationDoc } from './organization.model';

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
  };
}

export type OrganizationView = ReturnType<typeof organizationView>;

/** What anyone may see of a verified organization: no tax code. */
export function publicOrganizationView(org: OrganizationDoc) {
  const { taxCode: _taxCode, ...rest } = organizationView(org);
  return rest;
}
