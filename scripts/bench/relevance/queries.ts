/**
 * Labelled queries over `corpus.ts`, as people type them, in nine kinds. `relevant` grades each
 * listing that answers the query: 2 = what was asked for, 1 = a useful near neighbour.
 */
export const QUERY_KINDS = [
  'exact_vi',
  'no_diacritics',
  'typo',
  'english',
  'cross_language',
  'short',
  'd_dd',
  'diacritics_meaning',
  'question',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface LabelledQuery {
  kind: QueryKind;
  q: string;
  relevant: Record<string, 1 | 2>;
}

const q = (kind: QueryKind, text: string, relevant: Record<string, 1 | 2>): LabelledQuery => ({
  kind,
  q: text,
  relevant,
});

export const RELEVANCE_QUERIES: LabelledQuery[] = [
  // Vietnamese with diacritics
  q('exact_vi', 'xử lý nước thải dệt nhuộm', { 'ww-dyeing': 2, 'ww-dyeing-demand': 2 }),
  q('exact_vi', 'phân bón hữu cơ vi sinh', { 'organic-fert': 2, sludge: 1 }),
  q('exact_vi', 'trồng rau thủy canh', { hydroponics: 2 }),
  q('exact_vi', 'giống lúa chịu mặn', { 'rice-salt': 2 }),
  q('exact_vi', 'máy sấy nông sản', { dryer: 2, 'milk-powder': 1 }),
  q('exact_vi', 'lưu trữ năng lượng', { battery: 2 }),
  q('exact_vi', 'truy xuất nguồn gốc nông sản', { 'blockchain-trace': 2, 'craft-village': 1 }),
  q('exact_vi', 'gạch không nung', { brick: 2 }),
  // Without diacritics
  q('no_diacritics', 'xu ly nuoc thai benh vien', { 'ww-hospital': 2 }),
  q('no_diacritics', 'nuoi tom the chan trang', { shrimp: 2, 'shrimp-disease': 1 }),
  q('no_diacritics', 'vac xin ca tra', { 'fish-vaccine': 2 }),
  q('no_diacritics', 'kho lanh bao quan', { 'cold-storage': 2, postharvest: 1 }),
  q('no_diacritics', 'nhua phan huy sinh hoc', { bioplastic: 2 }),
  q('no_diacritics', 'canh bao sat lo dat', { landslide: 2 }),
  q('no_diacritics', 'phan mem quan ly benh vien', { 'hospital-sw': 2 }),
  q('no_diacritics', 'may ep vien nen mun cua', { pellet: 2 }),
  // Typos
  q('typo', 'wastewatr treatment', { 'ww-craft-en': 2, 'ww-domestic': 1 }),
  q('typo', 'desalinaton', { 'water-ro': 2 }),
  q('typo', 'turmric curcumin', { 'turmeric-starch': 2, 'nano-curcumin': 2 }),
  q('typo', 'hydroponic greenhous', { hydroponics: 2, 'greenhouse-climate': 1 }),
  q('typo', 'blokchain', { 'blockchain-trace': 2 }),
  q('typo', 'cybersecurty', { cyber: 2 }),
  q('typo', 'phát hiện xâm nhậpp', { cyber: 2 }),
  q('typo', 'ventilater', { ventilator: 2 }),
  // English
  q('english', 'organic fertilizer', { 'organic-fert': 2, sludge: 1 }),
  q('english', 'rooftop solar', { 'solar-roof': 2 }),
  q('english', 'wind turbine', { wind: 2 }),
  q('english', 'fall detection elderly', { 'elderly-en': 2 }),
  q('english', 'dairy cows heat stress', { 'cattle-en': 2, 'dairy-feed': 1 }),
  q('english', 'electric vehicle charging', { 'ev-charger': 2 }),
  q('english', 'heat pump dryer', { dryer: 2 }),
  // Across languages (English words for Vietnamese listings and back)
  q('cross_language', 'shrimp farming', { shrimp: 2, 'shrimp-disease': 1 }),
  q('cross_language', 'wastewater dyeing', { 'ww-dyeing': 2, 'ww-dyeing-demand': 2 }),
  q('cross_language', 'hospital wastewater', { 'ww-hospital': 2 }),
  q('cross_language', 'greenhouse', { hydroponics: 2, 'greenhouse-climate': 2 }),
  q('cross_language', 'fish vaccine', { 'fish-vaccine': 2 }),
  q('cross_language', 'leather tanning', { leather: 2 }),
  q('cross_language', 'cảm biến người già bị ngã', { 'elderly-en': 2 }),
  q('cross_language', 'nước thải làng nghề', { 'ww-craft-en': 2 }),
  // Short queries
  q('short', 'biogas', { 'ww-pig': 2 }),
  q('short', 'tôm', { shrimp: 2, 'shrimp-disease': 2 }),
  q('short', 'drone', { 'drone-spray': 2 }),
  q('short', 'IoT', { 'iot-pond': 2, 'smart-meter': 1 }),
  q('short', 'chatbot', { chatbot: 2 }),
  q('short', 'nano', { 'nano-coat': 2, 'nano-curcumin': 2 }),
  q('short', 'sấy', { dryer: 2, 'milk-powder': 1 }),
  // đ typed as d (or as đ)
  q('d_dd', 'dien mat troi ap mai', { 'solar-roof': 2 }),
  q('d_dd', 'dau nanh', { soybean: 2, tofu: 1 }),
  q('d_dd', 'thuoc da', { leather: 2 }),
  q('d_dd', 'may cat da granite', { stone: 2 }),
  q('d_dd', 'cai tao dat nhiem man', { soil: 2 }),
  q('d_dd', 'dong ho nuoc thong minh', { 'smart-meter': 2 }),
  q('d_dd', 'dau phu', { tofu: 2 }),
  // Diacritics that change the meaning
  q('diacritics_meaning', 'sửa chữa mặt đường', { 'road-repair': 2 }),
  q('diacritics_meaning', 'tinh bột nghệ', { 'turmeric-starch': 2, 'nano-curcumin': 1 }),
  q('diacritics_meaning', 'sữa chua', { 'yogurt-demand': 2 }),
  q('diacritics_meaning', 'bò sữa', { 'dairy-feed': 2, 'cattle-en': 1 }),
  q('diacritics_meaning', 'làng nghề', { 'craft-village': 2, leather: 1, 'ww-craft-en': 1 }),
  q('diacritics_meaning', 'bàn ghế học sinh', { desk: 2 }),
  q('diacritics_meaning', 'máy làm đá', { ice: 2 }),
  q('diacritics_meaning', 'dưỡng da', { 'skin-care': 2 }),
  q('diacritics_meaning', 'dịch vụ công cấp tỉnh', { 'province-egov': 2 }),
  // Long natural questions
  q('question', 'Cần công nghệ xử lý nước thải cho nhà máy dệt nhuộm 500 m3', {
    'ww-dyeing': 2,
    'ww-dyeing-demand': 1,
  }),
  q('question', 'Làm sao để kéo dài hạn sử dụng của sữa chua mà không dùng chất bảo quản?', {
    'yogurt-demand': 2,
  }),
  q('question', 'Có giải pháp nào phát hiện bệnh đốm trắng trên tôm sớm không', {
    'shrimp-disease': 2,
    shrimp: 1,
  }),
  q('question', 'Tôi muốn tìm máy lọc nước biển thành nước ngọt cho đảo', { 'water-ro': 2 }),
  q('question', 'looking for a technology to treat wastewater from a tofu and noodle village', {
    'ww-craft-en': 2,
  }),
  q('question', 'Làm thế nào để giảm tiền điện cho nhà máy may?', { 'energy-audit': 2 }),
  q('question', 'Có công nghệ nào biến rác thải nhựa thành vật liệu xây dựng không?', {
    'plastic-recycle': 2,
  }),
  q('question', 'how can I detect when an old person falls at home', { 'elderly-en': 2 }),
  q('question', 'Cần tìm giống đậu nành chịu hạn cho vùng núi', { soybean: 2 }),
  q('question', 'Nhờ tư vấn cách bảo quản thanh long tươi để xuất khẩu bằng đường biển', {
    postharvest: 2,
    'cold-storage': 1,
  }),
];
