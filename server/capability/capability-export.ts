/** The capability summary's assessments as a table for the exports: one row per enterprise and sector. */
import { CAPABILITY_GROUPS } from '../api-contract/capability-criteria';
import { capabilitySummary } from './capability.service';
import type { Table } from '../common/table-export';

export async function capabilityTable(sector?: string): Promise<Table> {
  const { assessments } = await capabilitySummary(sector);
  return {
    name: 'capability',
    columns: [
      'organization',
      'province',
      'sector',
      'level',
      'score',
      ...CAPABILITY_GROUPS,
      'synchronisation',
      'verified',
      'completedAt',
    ],
    rows: assessments.map((a) => [
      a.organization.name,
      a.organization.province ?? '',
      a.sector,
      a.level ?? '',
      a.score,
      ...CAPABILITY_GROUPS.map((g) => a.groups[g].score),
      a.synchronisation ?? '',
      a.verified ? 'yes' : 'no',
      a.completedAt ? new Date(a.completedAt).toISOString().slice(0, 10) : '',
    ]),
  };
}
