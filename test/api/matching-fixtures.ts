/**
 * Published offers and demands for the matching, alert and notification tests, written straight
 * through the models (quicker than the submit/approve round trip) and put in the test's search
 * index the way the search indexer does.
 */
import { createListingDoc } from '../../server/listings/listing.store';
import type { AppContext } from '../../server/context';
import { toSearchDoc } from '../../server/listings/listing-search-doc';

type Doc = Record<string, any>;

export const WASTEWATER_OFFER = {
  title: 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng MBR',
  summary: 'Bể sinh học màng MBR xử lý nước thải giàu đạm, đạt cột A và tái sử dụng nước.',
  description: 'Tuyển nổi DAF, thiếu khí, màng lọc MBR sợi rỗng; vận hành 3 năm tại nhà máy chế biến cá tra.',
  language: 'vi',
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  keywords: ['nước thải', 'màng lọc', 'MBR', 'thủy sản'],
  trl: 8,
  transferModes: ['turnkey', 'license_non_exclusive'],
  pricing: { model: 'fixed', amount: 1_500_000_000, currency: 'VND' },
  province: 'ha_noi',
};

export const WASTEWATER_DEMAND = {
  title: 'Đặt hàng công nghệ xử lý nước thải nhà máy chế biến thủy sản',
  summary: 'Nâng cấp hệ thống xử lý nước thải thủy sản để đạt cột A.',
  problem: 'Nước thải chế biến cá tra nhiều dầu mỡ và nitơ; hệ thống hiếu khí chỉ đạt cột B.',
  desiredOutcome: 'Đạt cột A, tái sử dụng nước, chuyển giao trọn gói có màng lọc.',
  language: 'vi',
  field: 'engineering_technology',
  subField: 'environmental_engineering',
  keywords: ['nước thải', 'màng lọc', 'thủy sản'],
  minTrl: 6,
  budget: { min: 1_000_000_000, max: 3_000_000_000, currency: 'VND' },
  transferModes: ['turnkey'],
  province: 'can_tho',
  mode: 'open',
};

export async function createOffer(
  ctx: Pick<AppContext, 'search'>,
  owner: { orgId: string; userId: string },
  overrides: Doc = {},
): Promise<string> {
  // Through the listing store, as every listing is written: its lists follow it.
  const doc = await createListingDoc('offer', {
    ...WASTEWATER_OFFER,
    status: 'published',
    publishedAt: new Date(),
    ...overrides,
    organizationId: owner.orgId,
    createdBy: owner.userId,
  });
  if (doc.status === 'published') await ctx.search.upsert([toSearchDoc('offer', doc as never)]);
  return String(doc._id);
}

export async function createDemand(
  ctx: Pick<AppContext, 'search'>,
  owner: { orgId: string; userId: string },
  overrides: Doc = {},
): Promise<string> {
  // Through the listing store, as every listing is written: its lists follow it.
  const doc = await createListingDoc('demand', {
    ...WASTEWATER_DEMAND,
    status: 'published',
    publishedAt: new Date(),
    ...overrides,
    organizationId: owner.orgId,
    createdBy: owner.userId,
  });
  if (doc.status === 'published') await ctx.search.upsert([toSearchDoc('demand', doc as never)]);
  return String(doc._id);
}
