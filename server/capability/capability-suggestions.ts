/**
 * Capability-aware matching: an enterprise's two weakest groups become implicit demands, and the
 * published offers that would raise them are looked up in its sector — offers of the kind of
 * transfer that answers the group first (co-development for R&D, consulting for management…),
 * then any offer that speaks of the need — and the experts of the sector's fields who could help.
 */
import type { SearchEngine, SearchHit } from '../../search';
import type { CapabilityGroup } from '../api-contract/capability-criteria';
import type { TransferMode } from '../api-contract/enums';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { GroupScore } from './capability-rules';
import { assessmentId, getAssessment } from './capability.store';
import { expertEntries } from '../experts';
import { assertMemberOrAdmin } from '../organizations';

/** Words a listing in the sector would use (Vietnamese; the search folds diacritics and knows English synonyms). */
export const SECTOR_WORDS: Readonly<Record<string, string>> = {
  food_beverages: 'chế biến thực phẩm',
  textiles_garments: 'dệt may',
  wood_paper: 'gỗ giấy',
  chemicals: 'hóa chất',
  pharmaceuticals: 'dược phẩm',
  rubber_plastics: 'nhựa cao su',
  building_materials: 'vật liệu xây dựng',
  metals: 'kim loại',
  electronics: 'điện tử',
  electrical_equipment: 'thiết bị điện',
  machinery: 'cơ khí',
  vehicles: 'ô tô',
  other_manufacturing: 'sản xuất',
};

/** What raises each group: the transfer that answers it best, and the words of the need. */
export const GROUP_NEEDS: Readonly<Record<CapabilityGroup, { transferMode: TransferMode; words: string }>> = {
  T: { transferMode: 'turnkey', words: 'dây chuyền thiết bị tự động' },
  E: { transferMode: 'license_non_exclusive', words: 'tiết kiệm năng lượng năng suất' },
  O: { transferMode: 'consulting', words: 'quản lý chuyển đổi số' },
  R: { transferMode: 'co_development', words: 'nghiên cứu phát triển' },
  I: { transferMode: 'license_non_exclusive', words: 'sản phẩm mới' },
};

/** The fields whose experts and offers serve each sector. */
export const SECTOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  food_beverages: ['agricultural_sciences', 'engineering_technology'],
  textiles_garments: ['engineering_technology'],
  wood_paper: ['engineering_technology', 'agricultural_sciences'],
  chemicals: ['natural_sciences', 'engineering_technology'],
  pharmaceuticals: ['medical_health', 'natural_sciences'],
  rubber_plastics: ['engineering_technology'],
  building_materials: ['engineering_technology'],
  metals: ['engineering_technology'],
  electronics: ['engineering_technology', 'natural_sciences'],
  electrical_equipment: ['engineering_technology'],
  machinery: ['engineering_technology'],
  vehicles: ['engineering_technology'],
  other_manufacturing: ['engineering_technology'],
};

export const SUGGESTED_GROUPS = 2;
export const SUGGESTED_EXPERTS = 3;
export const OFFERS_PER_GROUP = 3;

function offerView(hit: SearchHit) {
  return {
    id: hit.id,
    title: hit.title,
    summary: hit.summary,
    field: hit.field,
    trl: hit.trl,
    province: hit.province,
  };
}

async function offersFor(search: SearchEngine, sector: string, group: CapabilityGroup) {
  const need = GROUP_NEEDS[group];
  const sectorWords = SECTOR_WORDS[sector] ?? '';
  const byMode = await search.search({
    q: sectorWords,
    kind: 'offer',
    transferMode: need.transferMode,
    limit: OFFERS_PER_GROUP,
  });
  const hits = [...byMode.hits];
  if (hits.length < OFFERS_PER_GROUP) {
    const byWords = await search.search({
      q: `${sectorWords} ${need.words}`,
      kind: 'offer',
      limit: OFFERS_PER_GROUP * 2,
    });
    for (const hit of byWords.hits) {
      if (hits.length >= OFFERS_PER_GROUP) break;
      if (!hits.some((h) => h.id === hit.id)) hits.push(hit);
    }
  }
  return hits.map(offerView);
}

/** Experts in the sector's fields who could assess and advise the enterprise: available ones first, never one in conflict with it. */
async function expertsFor(orgId: string, sector: string) {
  const fields = SECTOR_FIELDS[sector] ?? [];
  const rank = (a: string) => (a === 'available' ? 0 : a === 'busy' ? 1 : 2);
  return (await expertEntries())
    .filter((e) => !e.conflicts.includes(orgId) && e.expert.availability !== 'unavailable')
    .map((e) => ({ e: e.expert, overlap: e.expert.fields.filter((f) => fields.includes(f)).length }))
    .filter((x) => x.overlap > 0)
    .sort(
      (a, b) =>
        rank(a.e.availability) - rank(b.e.availability) ||
        b.overlap - a.overlap ||
        a.e.name.localeCompare(b.e.name, 'vi'),
    )
    .slice(0, SUGGESTED_EXPERTS)
    .map(({ e }) => ({
      id: e.id,
      name: e.name,
      affiliation: e.affiliation,
      fields: e.fields,
      availability: e.availability,
    }));
}

/** For a complete assessment: its weakest groups, each with what it scores and offers that would raise it. */
export async function capabilitySuggestions(
  search: SearchEngine,
  user: SessionUser,
  orgId: string,
  sector: string,
) {
  assertMemberOrAdmin(user, orgId);
  const assessment = await getAssessment(assessmentId(orgId, sector));
  if (!assessment) throw AppError.notFound('Capability assessment');
  if (!assessment.complete)
    throw AppError.conflict('Answer every criterion first: suggestions follow from the complete assessment');
  const groups = assessment.groups as Record<CapabilityGroup, GroupScore>;
  const weakest = (assessment.weakestGroups as CapabilityGroup[]).slice(0, SUGGESTED_GROUPS);
  return {
    sector,
    experts: await expertsFor(orgId, sector),
    suggestions: await Promise.all(
      weakest.map(async (group) => ({
        group,
        score: groups[group].score,
        max: groups[group].max,
        transferMode: GROUP_NEEDS[group].transferMode,
        offers: await offersFor(search, sector, group),
      })),
    ),
  };
}
