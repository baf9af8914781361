/**
 * Field taxonomy of science and technology, after Vietnam's classification of S&T fields
 * (which follows the OECD Frascati fields). Shared by server, search and client: keep it free
 * of Node or browser dependencies.
 */
export interface Label {
  vi: string;
  en: string;
}

export interface SubField {
  code: string;
  label: Label;
}

export interface Field {
  code: FieldCode;
  label: Label;
  subFields: SubField[];
}

export const FIELD_CODES = [
  'natural_sciences',
  'engineering_technology',
  'medical_health',
  'agricultural_sciences',
  'social_sciences',
  'humanities',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

const sub = (code: string, vi: string, en: string): SubField => ({ code, label: { vi, en } });

export const TAXONOMY: readonly Field[] = [
  {
    code: 'natural_sciences',
    label: { vi: 'Khoa học tự nhiên', en: 'Natural sciences' },
    subFields: [
      sub('mathematics', 'Toán học và thống kê', 'Mathematics and statistics'),
      sub(
        'computer_information_sciences',
        'Khoa học máy tính và thông tin',
        'Computer and information sciences',
      ),
      sub('physical_sciences', 'Vật lý', 'Physical sciences'),
      sub('chemical_sciences', 'Hóa học', 'Chemical sciences'),
      sub(
        'earth_environmental_sciences',
        'Khoa học trái đất và môi trường',
        'Earth and environmental sciences',
      ),
      sub('biological_sciences', 'Sinh học', 'Biological sciences'),
      sub('other_natural_sciences', 'Khoa học tự nhiên khác', 'Other natural sciences'),
    ],
  },
  {
    code: 'engineering_technology',
    label: { vi: 'Khoa học kỹ thuật và công nghệ', en: 'Engineering and technology' },
    subFields: [
      sub('civil_engineering', 'Kỹ thuật dân dụng', 'Civil engineering'),
      sub(
        'electrical_electronic_engineering',
        'Kỹ thuật điện, điện tử, thông tin',
        'Electrical, electronic and information engineering',
      ),
      sub('mechanical_engineering', 'Kỹ thuật cơ khí', 'Mechanical engineering'),
      sub('chemical_engineering', 'Kỹ thuật hóa học', 'Chemical engineering'),
      sub('materials_engineering', 'Kỹ thuật vật liệu và luyện kim', 'Materials engineering'),
      sub('medical_engineering', 'Kỹ thuật y học', 'Medical engineering'),
      sub('environmental_engineering', 'Kỹ thuật môi trường', 'Environmental engineering'),
      sub(
        'energy_engineering',
        'Kỹ thuật năng lượng, năng lượng tái tạo',
        'Energy and renewable energy engineering',
      ),
      sub('environmental_biotechnology', 'Công nghệ sinh học môi trường', 'Environmental biotechnology'),
      sub('industrial_biotechnology', 'Công nghệ sinh học công nghiệp', 'Industrial biotechnology'),
      sub('nanotechnology', 'Công nghệ nano', 'Nanotechnology'),
      sub('food_beverage_engineering', 'Kỹ thuật thực phẩm và đồ uống', 'Food and beverage engineering'),
      sub('digital_technology', 'Công nghệ số, trí tuệ nhân tạo', 'Digital technology and AI'),
      sub('other_engineering', 'Kỹ thuật và công nghệ khác', 'Other engineering and technology'),
    ],
  },
  {
    code: 'medical_health',
    label: { vi: 'Khoa học y, dược', en: 'Medical and health sciences' },
    subFields: [
      sub('basic_medicine', 'Y học cơ sở', 'Basic medicine'),
      sub('clinical_medicine', 'Y học lâm sàng', 'Clinical medicine'),
      sub('pharmacy', 'Dược học', 'Pharmacy and pharmacology'),
      sub('health_sciences', 'Khoa học sức khỏe', 'Health sciences'),
      sub('medical_biotechnology', 'Công nghệ sinh học trong y học', 'Medical biotechnology'),
      sub('other_medical', 'Khoa học y, dược khác', 'Other medical sciences'),
    ],
  },
  {
    code: 'agricultural_sciences',
    label: { vi: 'Khoa học nông nghiệp', en: 'Agricultural sciences' },
    subFields: [
      sub('crop_science', 'Trồng trọt', 'Crop science'),
      sub('animal_dairy_science', 'Chăn nuôi', 'Animal and dairy science'),
      sub('veterinary_science', 'Thú y', 'Veterinary science'),
      sub('forestry', 'Lâm nghiệp', 'Forestry'),
      sub('fisheries', 'Thủy sản', 'Fisheries and aquaculture'),
      sub('agricultural_biotechnology', 'Công nghệ sinh học nông nghiệp', 'Agricultural biotechnology'),
      sub('high_tech_agriculture', 'Nông nghiệp công nghệ cao', 'High-tech agriculture'),
      sub('other_agricultural', 'Khoa học nông nghiệp khác', 'Other agricultural sciences'),
    ],
  },
  {
    code: 'social_sciences',
    label: { vi: 'Khoa học xã hội', en: 'Social sciences' },
    subFields: [
      sub('psychology', 'Tâm lý học', 'Psychology'),
      sub('economics_business', 'Kinh tế và kinh doanh', 'Economics and business'),
      sub('educational_sciences', 'Khoa học giáo dục', 'Educational sciences'),
      sub('sociology', 'Xã hội học', 'Sociology'),
      sub('law', 'Pháp luật', 'Law'),
      sub('political_science', 'Chính trị học', 'Political science'),
      sub('geography', 'Địa lý kinh tế và xã hội', 'Social and economic geography'),
      sub('media_communications', 'Thông tin đại chúng và truyền thông', 'Media and communications'),
      sub('other_social', 'Khoa học xã hội khác', 'Other social sciences'),
    ],
  },
  {
    code: 'humanities',
    label: { vi: 'Khoa học nhân văn', en: 'Humanities' },
    subFields: [
      sub('history_archaeology', 'Lịch sử và khảo cổ học', 'History and archaeology'),
      sub('languages_literature', 'Ngôn ngữ học và văn học', 'Languages and literature'),
      sub(
        'philosophy_ethics_religion',
        'Triết học, đạo đức học và tôn giáo',
        'Philosophy, ethics and religion',
      ),
      sub('arts', 'Nghệ thuật', 'Arts'),
      sub('other_humanities', 'Khoa học nhân văn khác', 'Other humanities'),
    ],
  },
];

export const SUB_FIELD_CODES: readonly string[] = TAXONOMY.flatMap((f) => f.subFields.map((s) => s.code));

export function findField(code: string): Field | undefined {
  return TAXONOMY.find((f) => f.code === code);
}

export function fieldOfSubField(subFieldCode: string): Field | undefined {
  return TAXONOMY.find((f) => f.subFields.some((s) => s.code === subFieldCode));
}

export function isSubFieldOf(fieldCode: string, subFieldCode: string): boolean {
  return findField(fieldCode)?.subFields.some((s) => s.code === subFieldCode) ?? false;
}

export function subFieldLabel(code: string): Label | undefined {
  for (const f of TAXONOMY) {
    const s = f.subFields.find((x) => x.code === code);
    if (s) return s.label;
  }
  return undefined;
}
