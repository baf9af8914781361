/**
 * A realistic mix of search queries over the synthetic listings: with and without diacritics,
 * one word and several, typos, unfinished last words, English, filters and sorts. Shared by the
 * in-process engine benchmark and the HTTP benchmark.
 */
import type { SearchQuery } from '../../search/types';

const TEXTS = [
  // Vietnamese with diacritics, several words
  'xử lý nước thải',
  'năng lượng tái tạo',
  'trí tuệ nhân tạo',
  'nuôi tôm thẻ chân trắng',
  'giống lúa chịu mặn',
  'máy gặt đập liên hợp',
  'chế phẩm vi sinh',
  'bảo quản trái cây sau thu hoạch',
  'công nghệ sinh học',
  // the same typed without diacritics
  'cong nghe xu ly nuoc thai',
  'nang luong mat troi',
  'bao quan trai cay',
  'robot han tu dong',
  'nha kinh thong minh',
  'da nang',
  // one word
  'graphene',
  'composite',
  'enzyme',
  'blockchain',
  'nano',
  'vắc xin',
  // typos on long words, unfinished last words
  'wastewatr treatment',
  'hydroponc',
  'thủy ca',
  'nuoi t',
  'nang lu',
  // English
  'renewable energy',
  'rapid test kit',
  'smart greenhouse',
  'solar inverter',
  // long natural questions and requests, with filler words
  'Cần công nghệ xử lý nước thải cho nhà máy chế biến thủy sản công suất 500 m3',
  'Làm sao để bảo quản trái cây tươi lâu hơn mà không dùng hóa chất?',
  'Có giải pháp nào giảm dịch bệnh khi nuôi tôm thẻ chân trắng không',
  'looking for a low cost technology to treat wastewater from food processing',
  'can cong nghe san xuat phan bon huu co tu phu pham nong nghiep',
];

const FILTERS: Omit<SearchQuery, 'q'>[] = [
  {},
  { kind: 'offer' },
  { kind: 'demand', field: 'engineering_technology' },
  { province: 'ha_noi' },
  { trlMin: 6 },
  { transferMode: 'license_non_exclusive', kind: 'offer' },
  { currency: 'VND', priceMin: 100_000_000, priceMax: 2_000_000_000 },
  { field: 'agricultural_sciences', sort: 'newest' },
  { sort: 'price_asc', currency: 'USD' },
  { page: 2 },
];

export function searchQueryMix(): SearchQuery[] {
  const mix: SearchQuery[] = [];
  TEXTS.forEach((q, i) => {
    mix.push({ q });
    mix.push({ q, ...FILTERS[(i % (FILTERS.length - 1)) + 1] });
  });
  // Browsing without words: filters and sorts only.
  for (const filter of FILTERS) mix.push({ ...filter });
  return mix;
}

/** Which part of the mix a query belongs to, for per-kind latency figures. */
export function queryCategory(q: SearchQuery): 'browse' | 'one word' | 'several words' | 'question' {
  const words = (q.q ?? '').trim().split(/\s+/).filter(Boolean).length;
  if (words === 0) return 'browse';
  if (words >= 8) return 'question';
  return words === 1 ? 'one word' : 'several words';
}
