/**
 * The technology-capability questionnaire, after Circular 17/2019/TT-BKHCN (assessing production
 * technology level and capability): five groups, 26 criteria, 100 points — T (current technology
 * and equipment) 30 points over 7 criteria, E (efficiency of technology use) 20 over 5, O
 * (organisation and management) 19 over 5, R (research and development) 17 over 5, I
 * (innovation) 14 over 4. Each criterion is answered by choosing one of five bands, weakest
 * first; band n of 0–4 earns n/4 of the criterion's points (the circular scores from the survey
 * figures themselves; the bands are our simplification, named in the README).
 * Shared by server and client: no imports outside the contract.
 */
import type { Label } from './taxonomy';

export const CAPABILITY_GROUPS = ['T', 'E', 'O', 'R', 'I'] as const;
export type CapabilityGroup = (typeof CAPABILITY_GROUPS)[number];

export const CAPABILITY_GROUP_INFO: Readonly<Record<CapabilityGroup, { max: number; label: Label }>> = {
  T: {
    max: 30,
    label: { vi: 'Hiện trạng công nghệ, thiết bị sản xuất', en: 'Current technology and equipment' },
  },
  E: { max: 20, label: { vi: 'Hiệu quả khai thác công nghệ', en: 'Efficiency of technology use' } },
  O: { max: 19, label: { vi: 'Năng lực tổ chức, quản lý', en: 'Organisation and management' } },
  R: { max: 17, label: { vi: 'Năng lực nghiên cứu phát triển', en: 'Research and development' } },
  I: { max: 14, label: { vi: 'Năng lực đổi mới sáng tạo', en: 'Innovation' } },
};

/** Five answers per criterion, weakest first. */
export type CriterionBands = readonly [Label, Label, Label, Label, Label];

export interface CapabilityCriterion {
  code: string;
  group: CapabilityGroup;
  maxPoints: number;
  label: Label;
  explanation: Label;
  bands: CriterionBands;
}

export const CAPABILITY_BAND_COUNT = 5;

const lbl = (vi: string, en: string): Label => ({ vi, en });

const COST_VS_SECTOR: CriterionBands = [
  lbl('Trên 130% mức chuẩn của ngành', 'Over 130% of the sector benchmark'),
  lbl('115–130% mức chuẩn', '115–130% of the benchmark'),
  lbl('100–115% mức chuẩn', '100–115% of the benchmark'),
  lbl('85–100% mức chuẩn', '85–100% of the benchmark'),
  lbl('Dưới 85% mức chuẩn', 'Under 85% of the benchmark'),
];
const GAIN_VS_SECTOR: CriterionBands = [
  lbl('Dưới 70% mức chuẩn của ngành', 'Under 70% of the sector benchmark'),
  lbl('70–85% mức chuẩn', '70–85% of the benchmark'),
  lbl('85–100% mức chuẩn', '85–100% of the benchmark'),
  lbl('100–115% mức chuẩn', '100–115% of the benchmark'),
  lbl('Từ 115% mức chuẩn trở lên', '115% of the benchmark or more'),
];
const SHARE: CriterionBands = [
  lbl('Dưới 10%', 'Under 10%'),
  lbl('10–25%', '10–25%'),
  lbl('25–50%', '25–50%'),
  lbl('50–75%', '50–75%'),
  lbl('Từ 75% trở lên', '75% or more'),
];
const PRACTICE: CriterionBands = [
  lbl('Chưa có', 'None'),
  lbl('Có kế hoạch hoặc làm không chính thức', 'Planned, or done informally'),
  lbl('Đã áp dụng ở một phần doanh nghiệp', 'In place in part of the company'),
  lbl('Áp dụng trong toàn doanh nghiệp', 'In place across the company'),
  lbl('Áp dụng, đo lường và cải tiến thường xuyên', 'In place, measured and regularly improved'),
];
const COUNT_3Y: CriterionBands = [
  lbl('Không có trong 3 năm qua', 'None in the last 3 years'),
  lbl('1', '1'),
  lbl('2–3', '2–3'),
  lbl('4–6', '4–6'),
  lbl('Từ 7 trở lên', '7 or more'),
];

const c = (
  code: string,
  group: CapabilityGroup,
  maxPoints: number,
  label: Label,
  explanation: Label,
  bands: CriterionBands,
): CapabilityCriterion => ({ code, group, maxPoints, label, explanation, bands });

export const CAPABILITY_CRITERIA: readonly CapabilityCriterion[] = [
  c(
    'T1',
    'T',
    6,
    lbl('Mức độ hiện đại của công nghệ, thiết bị chính', 'How modern the main technology and equipment are'),
    lbl(
      'So sánh dây chuyền chính với công nghệ đang phổ biến trong nước, khu vực và thế giới.',
      'Compare the main production line with what is common in Vietnam, the region and the world.',
    ),
    [
      lbl('Lạc hậu, đã bị thay thế rộng rãi', 'Outdated, widely replaced'),
      lbl('Cũ hơn mức phổ biến trong nước', 'Older than is common in Vietnam'),
      lbl('Phổ biến trong nước', 'Common in Vietnam'),
      lbl('Hiện hành trong khu vực', 'Current in the region'),
      lbl('Hiện hành trên thế giới', 'Current worldwide'),
    ],
  ),
  c(
    'T2',
    'T',
    3,
    lbl('Tuổi bình quân của thiết bị chính', 'Average age of the main equipment'),
    lbl(
      'Số năm kể từ khi thiết bị chính được chế tạo, tính bình quân theo giá trị.',
      'Years since the main equipment was built, averaged by value.',
    ),
    [
      lbl('Trên 20 năm', 'Over 20 years'),
      lbl('15–20 năm', '15–20 years'),
      lbl('10–15 năm', '10–15 years'),
      lbl('5–10 năm', '5–10 years'),
      lbl('Dưới 5 năm', 'Under 5 years'),
    ],
  ),
  c(
    'T3',
    'T',
    5,
    lbl('Mức độ cơ giới hóa, tự động hóa', 'Mechanisation and automation'),
    lbl(
      'Phần công đoạn sản xuất do máy thực hiện và được điều khiển tự động.',
      'How much of production is done by machines, and how much of it is controlled automatically.',
    ),
    [
      lbl('Chủ yếu thủ công', 'Mostly manual'),
      lbl('Cơ giới hóa một phần', 'Partly mechanised'),
      lbl('Cơ giới hóa toàn bộ, tự động một phần', 'Fully mechanised, partly automated'),
      lbl('Dây chuyền tự động', 'Automated lines'),
      lbl('Tự động và kết nối số (IoT, MES)', 'Automated and digitally connected (IoT, MES)'),
    ],
  ),
  c(
    'T4',
    'T',
    4,
    lbl('Chi phí năng lượng trên giá trị sản xuất', 'Energy cost per unit of output'),
    lbl(
      'Chi phí năng lượng trên một đơn vị giá trị sản xuất, so với mức chuẩn của ngành (thấp hơn là tốt hơn).',
      'Energy cost per unit of output value, against the sector benchmark (lower is better).',
    ),
    COST_VS_SECTOR,
  ),
  c(
    'T5',
    'T',
    4,
    lbl('Chi phí nguyên vật liệu trên giá trị sản xuất', 'Material cost per unit of output'),
    lbl(
      'Chi phí nguyên vật liệu trên một đơn vị giá trị sản xuất, so với mức chuẩn của ngành (thấp hơn là tốt hơn).',
      'Material cost per unit of output value, against the sector benchmark (lower is better).',
    ),
    COST_VS_SECTOR,
  ),
  c(
    'T6',
    'T',
    4,
    lbl('Năng suất lao động', 'Labour productivity'),
    lbl(
      'Giá trị sản xuất trên một lao động, so với mức chuẩn của ngành.',
      'Output value per worker, against the sector benchmark.',
    ),
    GAIN_VS_SECTOR,
  ),
  c(
    'T7',
    'T',
    4,
    lbl('Tiêu chuẩn chất lượng, môi trường và an toàn', 'Quality, environment and safety standards'),
    lbl(
      'Các tiêu chuẩn, quy chuẩn mà sản phẩm và quá trình sản xuất được chứng nhận đáp ứng.',
      'The standards and regulations that products and processes are certified to meet.',
    ),
    [
      lbl('Chưa có chứng nhận', 'No certification'),
      lbl('Công bố hợp quy cơ bản', 'Basic declared conformity'),
      lbl('Chứng nhận tiêu chuẩn quốc gia (TCVN, QCVN)', 'Certified to national standards (TCVN, QCVN)'),
      lbl(
        'Chứng nhận tiêu chuẩn quốc tế (ISO, HACCP…)',
        'Certified to international standards (ISO, HACCP…)',
      ),
      lbl(
        'Nhiều chứng nhận quốc tế, cả môi trường và an toàn',
        'Several international certifications, environment and safety included',
      ),
    ],
  ),
  c(
    'E1',
    'E',
    5,
    lbl('Giá trị gia tăng trên doanh thu', 'Value added per revenue'),
    lbl(
      'Tỷ lệ giá trị gia tăng (lợi nhuận, tiền lương, khấu hao, thuế) trên doanh thu, so với mức chuẩn của ngành.',
      'Value added (profit, wages, depreciation, taxes) as a share of revenue, against the sector benchmark.',
    ),
    GAIN_VS_SECTOR,
  ),
  c(
    'E2',
    'E',
    4,
    lbl('Mức khai thác công suất thiết bị', 'Capacity utilisation'),
    lbl(
      'Sản lượng thực tế so với công suất thiết kế của dây chuyền chính.',
      'Actual output against the main line’s design capacity.',
    ),
    [
      lbl('Dưới 40%', 'Under 40%'),
      lbl('40–60%', '40–60%'),
      lbl('60–75%', '60–75%'),
      lbl('75–90%', '75–90%'),
      lbl('Từ 90% trở lên', '90% or more'),
    ],
  ),
  c(
    'E3',
    'E',
    4,
    lbl(
      'Tỷ lệ sản phẩm xuất khẩu hoặc đạt chuẩn quốc tế',
      'Share of output exported or meeting international standards',
    ),
    lbl(
      'Phần doanh thu từ sản phẩm xuất khẩu hoặc được chứng nhận theo tiêu chuẩn quốc tế.',
      'The share of revenue from products exported or certified to international standards.',
    ),
    SHARE,
  ),
  c(
    'E4',
    'E',
    4,
    lbl('Tỷ lệ lao động có trình độ cao đẳng trở lên', 'Share of staff with a college degree or higher'),
    lbl(
      'Phần lao động có trình độ cao đẳng, đại học, sau đại học hoặc tay nghề bậc cao.',
      'The share of staff with a college or university degree, or highly skilled trades.',
    ),
    SHARE,
  ),
  c(
    'E5',
    'E',
    3,
    lbl('Mức độ làm chủ công nghệ', 'Mastery of the technology in use'),
    lbl(
      'Doanh nghiệp tự làm được đến đâu với công nghệ đang dùng: vận hành, bảo trì, sửa chữa, cải tiến.',
      'How far the company can go with its technology on its own: operate, maintain, repair, improve.',
    ),
    [
      lbl('Vận hành cần nhà cung cấp hỗ trợ', 'Operates only with the supplier’s help'),
      lbl('Tự vận hành', 'Operates it'),
      lbl('Vận hành và bảo trì', 'Operates and maintains it'),
      lbl('Sửa chữa và điều chỉnh', 'Repairs and adapts it'),
      lbl('Cải tiến và thiết kế lại', 'Improves and redesigns it'),
    ],
  ),
  c(
    'O1',
    'O',
    4,
    lbl('Hệ thống quản lý', 'Management systems'),
    lbl(
      'Hệ thống quản lý chất lượng, môi trường, năng suất (ISO 9001, ISO 14001, 5S, Lean, Kaizen…).',
      'Quality, environment and productivity management (ISO 9001, ISO 14001, 5S, Lean, Kaizen…).',
    ),
    PRACTICE,
  ),
  c(
    'O2',
    'O',
    4,
    lbl('Chiến lược, kế hoạch đổi mới công nghệ', 'Technology strategy and plan'),
    lbl(
      'Doanh nghiệp có chiến lược, kế hoạch và ngân sách đổi mới công nghệ được lãnh đạo phê duyệt.',
      'A technology strategy, plan and budget approved by the management.',
    ),
    PRACTICE,
  ),
  c(
    'O3',
    'O',
    4,
    lbl('Ứng dụng công nghệ thông tin, chuyển đổi số', 'Information technology and digital transformation'),
    lbl(
      'Phần mềm quản trị (ERP, kế toán, kho), dữ liệu sản xuất, thương mại điện tử.',
      'Management software (ERP, accounting, stock), production data, e-commerce.',
    ),
    PRACTICE,
  ),
  c(
    'O4',
    'O',
    4,
    lbl('Đào tạo, bồi dưỡng nhân lực', 'Training of staff'),
    lbl(
      'Phần lao động được đào tạo chuyên môn, kỹ thuật trong năm qua.',
      'The share of staff who received professional or technical training in the last year.',
    ),
    SHARE,
  ),
  c(
    'O5',
    'O',
    3,
    lbl(
      'Năng lực tiếp nhận và liên kết chuyển giao công nghệ',
      'Absorbing technology and linking with providers',
    ),
    lbl(
      'Kinh nghiệm tiếp nhận công nghệ chuyển giao và quan hệ với viện, trường, nhà cung cấp công nghệ.',
      'Experience in taking on transferred technology, and ties with institutes, universities and technology providers.',
    ),
    PRACTICE,
  ),
  c(
    'R1',
    'R',
    3,
    lbl('Bộ phận nghiên cứu phát triển', 'Research and development unit'),
    lbl(
      'Tổ chức của hoạt động nghiên cứu phát triển trong doanh nghiệp.',
      'How research and development is organised in the company.',
    ),
    [
      lbl('Chưa có', 'None'),
      lbl('Có người phụ trách kiêm nhiệm', 'Someone in charge part-time'),
      lbl('Có nhóm nghiên cứu phát triển', 'An R&D team'),
      lbl('Có phòng nghiên cứu phát triển với ngân sách riêng', 'An R&D department with its own budget'),
      lbl('Có trung tâm hoặc phòng thí nghiệm được công nhận', 'An accredited R&D centre or laboratory'),
    ],
  ),
  c(
    'R2',
    'R',
    4,
    lbl('Chi cho nghiên cứu phát triển trên doanh thu', 'R&D spending as a share of revenue'),
    lbl('Bình quân 3 năm gần nhất.', 'Averaged over the last three years.'),
    [
      lbl('Không chi', 'None'),
      lbl('Dưới 0,5%', 'Under 0.5%'),
      lbl('0,5–1%', '0.5–1%'),
      lbl('1–2%', '1–2%'),
      lbl('Từ 2% trở lên', '2% or more'),
    ],
  ),
  c(
    'R3',
    'R',
    3,
    lbl('Nhân lực nghiên cứu phát triển', 'Research and development staff'),
    lbl(
      'Phần lao động làm nghiên cứu phát triển, tính theo thời gian làm việc.',
      'The share of staff working on R&D, counted by working time.',
    ),
    [
      lbl('Không có', 'None'),
      lbl('Dưới 1%', 'Under 1%'),
      lbl('1–3%', '1–3%'),
      lbl('3–5%', '3–5%'),
      lbl('Từ 5% trở lên', '5% or more'),
    ],
  ),
  c(
    'R4',
    'R',
    4,
    lbl('Kết quả nghiên cứu phát triển', 'Results of research and development'),
    lbl(
      'Số đề tài, dự án hoàn thành, sáng chế, giải pháp hữu ích trong 3 năm qua.',
      'Projects completed, patents and utility solutions in the last three years.',
    ),
    COUNT_3Y,
  ),
  c(
    'R5',
    'R',
    3,
    lbl('Hợp tác nghiên cứu với viện, trường', 'Research with institutes and universities'),
    lbl(
      'Số hợp đồng hợp tác nghiên cứu, đặt hàng trong 3 năm qua.',
      'Research collaborations and commissions in the last three years.',
    ),
    COUNT_3Y,
  ),
  c(
    'I1',
    'I',
    4,
    lbl('Sản phẩm mới hoặc cải tiến', 'New or improved products'),
    lbl(
      'Số sản phẩm mới hoặc cải tiến đáng kể đưa ra thị trường trong 3 năm qua.',
      'Products new to the company, or much improved, brought to market in the last three years.',
    ),
    COUNT_3Y,
  ),
  c(
    'I2',
    'I',
    4,
    lbl('Quy trình mới hoặc cải tiến', 'New or improved processes'),
    lbl(
      'Số quy trình sản xuất mới hoặc cải tiến đáng kể trong 3 năm qua.',
      'Production processes new to the company, or much improved, in the last three years.',
    ),
    COUNT_3Y,
  ),
  c(
    'I3',
    'I',
    3,
    lbl('Đầu tư đổi mới công nghệ', 'Investment in new technology'),
    lbl(
      'Giá trị đầu tư đổi mới công nghệ, thiết bị trong 3 năm qua trên tổng giá trị tài sản cố định.',
      'Investment in new technology and equipment in the last three years, as a share of fixed assets.',
    ),
    [
      lbl('Không đầu tư', 'None'),
      lbl('Dưới 5%', 'Under 5%'),
      lbl('5–10%', '5–10%'),
      lbl('10–20%', '10–20%'),
      lbl('Từ 20% trở lên', '20% or more'),
    ],
  ),
  c(
    'I4',
    'I',
    3,
    lbl('Sở hữu trí tuệ, tiêu chuẩn và thương hiệu', 'Intellectual property, standards and brands'),
    lbl(
      'Nhãn hiệu, kiểu dáng, sáng chế được bảo hộ; tiêu chuẩn cơ sở do doanh nghiệp xây dựng.',
      'Protected marks, designs and patents; company standards the company wrote.',
    ),
    PRACTICE,
  ),
];

export const CAPABILITY_CRITERION_CODES: readonly string[] = CAPABILITY_CRITERIA.map((k) => k.code);

/** From weakest to strongest; the thresholds are in server/capability/capability-rules.ts. */
export const CAPABILITY_LEVELS = [
  'outdated',
  'below_average',
  'average',
  'above_average',
  'advanced',
] as const;
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];

export const CAPABILITY_LEVEL_LABELS: Readonly<Record<CapabilityLevel, Label>> = {
  outdated: lbl('Lạc hậu', 'Outdated'),
  below_average: lbl('Trung bình yếu', 'Below average'),
  average: lbl('Trung bình', 'Average'),
  above_average: lbl('Trung bình tiên tiến', 'Above average'),
  advanced: lbl('Tiên tiến', 'Advanced'),
};

/** What an enterprise shows in the public directory: nothing, its level, or its group scores too. */
export const CAPABILITY_VISIBILITIES = ['private', 'level', 'scores'] as const;
export type CapabilityVisibility = (typeof CAPABILITY_VISIBILITIES)[number];

/** Manufacturing sectors (after VSIC section C), the circular's scope. */
export const CAPABILITY_SECTORS: readonly { code: string; label: Label }[] = [
  { code: 'food_beverages', label: lbl('Chế biến thực phẩm, đồ uống', 'Food and beverages') },
  { code: 'textiles_garments', label: lbl('Dệt may, da giày', 'Textiles, garments and footwear') },
  { code: 'wood_paper', label: lbl('Gỗ, giấy và in', 'Wood, paper and printing') },
  { code: 'chemicals', label: lbl('Hóa chất', 'Chemicals') },
  { code: 'pharmaceuticals', label: lbl('Dược phẩm', 'Pharmaceuticals') },
  { code: 'rubber_plastics', label: lbl('Cao su, nhựa', 'Rubber and plastics') },
  { code: 'building_materials', label: lbl('Vật liệu xây dựng', 'Building materials') },
  { code: 'metals', label: lbl('Luyện kim, sản phẩm kim loại', 'Metals and metal products') },
  { code: 'electronics', label: lbl('Điện tử, máy tính', 'Electronics and computers') },
  { code: 'electrical_equipment', label: lbl('Thiết bị điện', 'Electrical equipment') },
  { code: 'machinery', label: lbl('Máy móc, thiết bị', 'Machinery and equipment') },
  { code: 'vehicles', label: lbl('Ô tô, phương tiện vận tải', 'Vehicles and transport equipment') },
  { code: 'other_manufacturing', label: lbl('Công nghiệp chế biến, chế tạo khác', 'Other manufacturing') },
];
export const CAPABILITY_SECTOR_CODES: readonly string[] = CAPABILITY_SECTORS.map((s) => s.code);
