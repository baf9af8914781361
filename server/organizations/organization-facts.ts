/** What other components show of organizations they list: name, kind, province, verified. */
import mongoose from 'mongoose';
import { organizationReads } from './organization.store';
import type { OrganizationKind } from '../api-contract/enums';

export interface OrganizationFacts {
  id: string;
  name: string;
  kind: OrganizationKind;
  province: string | null;
  verified: boolean;
}

/** The organizations of `ids` that exist, by id, in one query. */
export async function organizationFacts(ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
  const unique = [...new Set(ids)].filter((id) => mongoose.isValidObjectId(id));
  if (unique.length === 0) return new Map();
  const fields = { name: 1, kind: 1, province: 1, verified: 1 };
  // One id is looked up by `_id` equality, which FerretDB answers from its index; `$in` reads every organization.
  const orgs =
    unique.length === 1
      ? await organizationReads.find({ _id: unique[0] }, fields).lean()
      : await organizationReads.find({ _id: mongoose.trusted({ $in: unique }) }, fields).lean();
  return new Map(
    orgs.map((o) => [
      String(o._id),
      {
        id: String(o._id),
        name: o.name,
        kind: o.kind as OrganizationKind,
        province: (o.province as string | undefined) ?? null,
        verified: Boolean(o.verified),
      },
    ]),
  );
}
