/**
 * Demo organizations: invented institutes, universities, enterprises and one broker firm.
 * Names are plausible but fictitious; websites use the reserved example domain.
 */
import type { DemoOrganization } from './types';

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  // ── Research institutes ────────────────────────────────────────────────────────────────
  {
    key: 'vcnmt',
    name: 'Viện Công nghệ Môi trường Thăng Long',
    kind: 'institute',
    province: 'ha_noi',
    taxCode: '0102748391',
    website: 'https://vcnmt.example.vn',
    description:
      'Viện nghiên cứu và chuyển giao công nghệ xử lý nước thải, khí thải và chất thải rắn cho doanh nghiệp, khu công nghiệp và làng nghề. ' +
      'Viện đã thiết kế và vận hành thử hơn 120 hệ thống xử lý nước thải tại các tỉnh phía Bắc và đồng bằng sông Cửu Long. ' +
      'Phòng thí nghiệm phân tích môi trường của Viện đạt chuẩn ISO/IEC 17025.',
    verified: true,
    capability: {
      fields: ['engineering_technology', 'natural_sciences'],
      subFields: ['environmental_engineering', 'chemical_engineering', 'earth_environmental_sciences'],
      keywords: ['xử lý nước thải', 'khí thải', 'nước rỉ rác', 'quan trắc môi trường', 'mbbr', 'oxy hóa nâng cao'],
      staff: 86,
      labs: ['Phòng thí nghiệm phân tích môi trường (ISO/IEC 17025)', 'Xưởng pilot xử lý nước thải 10 m³/ngày'],
    },
  },
  {
    key: 'vdtnn',
    name: 'Viện Di truyền Nông nghiệp Sông Hồng',
    kind: 'institute',
    province: 'ha_noi',
    taxCode: '0100896452',
    website: 'https://vdtnn.example.vn',
    description:
      'Viện nghiên cứu chọn tạo giống cây trồng bằng chỉ thị phân tử, nuôi cấy mô tế bào thực vật và sản xuất giống sạch bệnh. ' +
      'Viện có ngân hàng gen hơn 3.000 mẫu giống lúa, rau màu và cây ăn quả, cùng mạng lưới điểm khảo nghiệm tại 9 tỉnh.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences', 'natural_sciences'],
      subFields: ['agricultural_biotechnology', 'crop_science', 'high_tech_agriculture', 'biological_sciences'],
      keywords: ['chọn giống', 'chỉ thị phân tử', 'nuôi cấy mô', 'giống sạch bệnh', 'lúa chịu mặn'],
      staff: 142,
      labs: ['Phòng thí nghiệm sinh học phân tử', 'Phòng nuôi cấy mô 2 triệu cây/năm', 'Nhà lưới khí canh 1.500 m²'],
    },
  },
  {
    key: 'vcnsh',
    name: 'Viện Công nghệ Sinh học Phương Nam',
    kind: 'institute',
    province: 'ho_chi_minh',
    taxCode: '0302415678',
    website: 'https://vcnsh.example.vn',
    description:
      'Viện phát triển chế phẩm vi sinh, enzyme và quy trình lên men cho công nghiệp thực phẩm, chăn nuôi và xử lý môi trường. ' +
      'Viện sở hữu xưởng lên men thử nghiệm 2.000 lít và đã chuyển giao hơn 40 quy trình cho doanh nghiệp.',
    verified: true,
    capability: {
      fields: ['engineering_technology', 'agricultural_sciences', 'natural_sciences'],
      subFields: ['industrial_biotechnology', 'environmental_biotechnology', 'animal_dairy_science', 'biological_sciences'],
      keywords: ['lên men', 'enzyme', 'chế phẩm vi sinh', 'probiotic', 'phụ phẩm nông nghiệp'],
      staff: 74,
      labs: ['Xưởng lên men pilot 2.000 lít', 'Bộ sưu tập 1.200 chủng vi sinh vật'],
    },
  },
  {
    key: 'vchtd',
    name: 'Viện Cơ khí và Tự động hóa Miền Trung',
    kind: 'institute',
    province: 'da_nang',
    taxCode: '0400563218',
    website: 'https://vchtd.example.vn',
    description:
      'Viện thiết kế, chế tạo máy và dây chuyền tự động cho chế biến nông sản, cơ khí chế tạo và logistics cảng biển. ' +
      'Xưởng thực nghiệm của Viện có trung tâm gia công CNC 5 trục, robot hàn và thiết bị phun phủ plasma.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['mechanical_engineering', 'materials_engineering', 'food_beverage_engineering', 'digital_technology'],
      keywords: ['robot', 'tự động hóa', 'máy chế biến nông sản', 'phun phủ plasma', 'bảo trì dự đoán'],
      staff: 58,
      labs: ['Xưởng gia công CNC 5 trục', 'Phòng thí nghiệm rung động và chẩn đoán máy'],
    },
  },
  {
    key: 'vnltt',
    name: 'Viện Năng lượng Tái tạo Duyên hải',
    kind: 'institute',
    province: 'hai_phong',
    taxCode: '0200784135',
    website: 'https://vnltt.example.vn',
    description:
      'Viện nghiên cứu và triển khai các giải pháp năng lượng tái tạo và tiết kiệm năng lượng: khí sinh học, sinh khối, điện mặt trời và lưu trữ năng lượng. ' +
      'Viện đã lắp đặt hơn 300 công trình khí sinh học cho trang trại chăn nuôi và tư vấn kiểm toán năng lượng cho 150 doanh nghiệp.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['energy_engineering', 'electrical_electronic_engineering', 'environmental_engineering'],
      keywords: ['biogas', 'sinh khối', 'điện mặt trời', 'kiểm toán năng lượng', 'lưu trữ năng lượng'],
      staff: 47,
      labs: ['Trạm thử nghiệm khí sinh học', 'Phòng thí nghiệm pin và biến tần'],
    },
  },
  {
    key: 'vdlb',
    name: 'Viện Nghiên cứu Dược liệu Langbiang',
    kind: 'institute',
    province: 'lam_dong',
    taxCode: '5800412369',
    website: 'https://vdlb.example.vn',
    description:
      'Viện nghiên cứu trồng trọt, chiết xuất và bào chế dược liệu vùng Tây Nguyên như atiso, đông trùng hạ thảo và nghệ. ' +
      'Viện có xưởng chiết xuất đạt nguyên tắc GMP quy mô thử nghiệm và vườn dược liệu 12 ha theo GACP-WHO.',
    verified: true,
    capability: {
      fields: ['medical_health', 'agricultural_sciences'],
      subFields: ['pharmacy', 'agricultural_biotechnology'],
      keywords: ['dược liệu', 'chiết xuất', 'cao khô', 'đông trùng hạ thảo', 'nano curcumin'],
      staff: 39,
      labs: ['Xưởng chiết xuất pilot theo GMP', 'Phòng kiểm nghiệm HPLC'],
    },
  },

  // ── Universities ───────────────────────────────────────────────────────────────────────
  {
    key: 'dhkt-hathanh',
    name: 'Trường Đại học Kỹ thuật Hà Thành',
    kind: 'university',
    province: 'ha_noi',
    taxCode: '0101567823',
    website: 'https://dhkt-hathanh.example.vn',
    description:
      'Trường đại học kỹ thuật đa ngành với thế mạnh về điện tử, công nghệ thông tin, trí tuệ nhân tạo, cơ điện tử và vật liệu. ' +
      'Trung tâm Chuyển giao công nghệ của Trường quản lý hơn 60 bằng độc quyền sáng chế và giải pháp hữu ích.',
    verified: true,
    capability: {
      fields: ['engineering_technology', 'natural_sciences', 'social_sciences', 'medical_health'],
      subFields: [
        'electrical_electronic_engineering',
        'digital_technology',
        'mechanical_engineering',
        'materials_engineering',
        'medical_engineering',
        'computer_information_sciences',
      ],
      keywords: ['iot', 'trí tuệ nhân tạo', 'robot', 'vật liệu composite', 'xử lý ngôn ngữ tự nhiên'],
      staff: 1250,
      labs: ['Phòng thí nghiệm IoT và hệ thống nhúng', 'Phòng thí nghiệm thị giác máy tính', 'Xưởng cơ điện tử'],
    },
  },
  {
    key: 'dhnl-vietbac',
    name: 'Trường Đại học Nông Lâm Việt Bắc',
    kind: 'university',
    province: 'thai_nguyen',
    taxCode: '4600345127',
    website: 'https://dhnl-vietbac.example.vn',
    description:
      'Trường đào tạo và nghiên cứu về trồng trọt, chăn nuôi, thú y, lâm nghiệp và môi trường nông thôn cho các tỉnh trung du miền núi phía Bắc. ' +
      'Trường có trại thực nghiệm chăn nuôi, vườn ươm giống cây lâm nghiệp và khu nhà màng thủy canh.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences', 'engineering_technology'],
      subFields: ['crop_science', 'animal_dairy_science', 'veterinary_science', 'forestry', 'high_tech_agriculture'],
      keywords: ['thủy canh', 'chế phẩm sinh học', 'thú y', 'giống cây lâm nghiệp', 'nước thải chăn nuôi'],
      staff: 620,
      labs: ['Trại thực nghiệm chăn nuôi 500 lợn', 'Phòng chẩn đoán thú y', 'Vườn ươm mô hom 1 triệu cây/năm'],
    },
  },
  {
    key: 'dh-mekong',
    name: 'Trường Đại học Thủy sản và Môi trường Mekong',
    kind: 'university',
    province: 'can_tho',
    taxCode: '1800623497',
    website: 'https://dh-mekong.example.vn',
    description:
      'Trường nghiên cứu nuôi trồng, chế biến thủy sản và môi trường vùng đồng bằng sông Cửu Long. ' +
      'Trường vận hành trại thực nghiệm nuôi tôm, cá tra và phòng thí nghiệm công nghệ sau thu hoạch, phối hợp với doanh nghiệp chế biến xuất khẩu.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences', 'engineering_technology', 'natural_sciences'],
      subFields: ['fisheries', 'food_beverage_engineering', 'industrial_biotechnology', 'earth_environmental_sciences'],
      keywords: ['nuôi tôm', 'cá tra', 'phụ phẩm thủy sản', 'xâm nhập mặn', 'bảo quản sau thu hoạch'],
      staff: 540,
      labs: ['Trại thực nghiệm thủy sản 4 ha', 'Phòng thí nghiệm công nghệ sau thu hoạch', 'Trạm quan trắc độ mặn'],
    },
  },
  {
    key: 'dhyd-namsaigon',
    name: 'Trường Đại học Y Dược Nam Sài Gòn',
    kind: 'university',
    province: 'ho_chi_minh',
    taxCode: '0303198746',
    website: 'https://dhyd-namsaigon.example.vn',
    description:
      'Trường đại học y dược có bệnh viện thực hành 600 giường và mạng lưới bệnh viện vệ tinh tại các tỉnh Nam Bộ. ' +
      'Các nhóm nghiên cứu mạnh về sinh học phân tử chẩn đoán, dược lý và y tế công cộng.',
    verified: true,
    capability: {
      fields: ['medical_health'],
      subFields: ['medical_biotechnology', 'basic_medicine', 'clinical_medicine', 'health_sciences'],
      keywords: ['chẩn đoán phân tử', 'real-time pcr', 'organoid', 'đái tháo đường', 'y tế cộng đồng'],
      staff: 930,
      labs: ['Phòng thí nghiệm sinh học phân tử BSL-2', 'Trung tâm nghiên cứu lâm sàng'],
    },
  },
  {
    key: 'dhxhnv-songhan',
    name: 'Trường Đại học Khoa học Xã hội và Nhân văn Sông Hàn',
    kind: 'university',
    province: 'da_nang',
    taxCode: '0401284639',
    website: 'https://dhxhnv-songhan.example.vn',
    description:
      'Trường nghiên cứu xã hội học, tâm lý học, địa lý, ngôn ngữ và di sản văn hóa miền Trung. ' +
      'Trung tâm Nhân văn số của Trường triển khai số hóa di sản, kho ngữ liệu và các cuộc điều tra xã hội học quy mô lớn cho chính quyền địa phương.',
    verified: true,
    capability: {
      fields: ['social_sciences', 'humanities'],
      subFields: ['sociology', 'psychology', 'geography', 'media_communications', 'history_archaeology', 'languages_literature', 'arts'],
      keywords: ['điều tra xã hội học', 'di sản số', 'hán nôm', 'gis', 'truyền thông'],
      staff: 410,
      labs: ['Trung tâm Nhân văn số', 'Phòng thí nghiệm GIS và viễn thám'],
    },
  },

  // ── Enterprises ────────────────────────────────────────────────────────────────────────
  {
    key: 'thuysan-mekong',
    name: 'Công ty Cổ phần Thủy sản Mekong Xanh',
    kind: 'enterprise',
    province: 'can_tho',
    taxCode: '1800957214',
    website: 'https://thuysan-mekong.example.vn',
    description:
      'Doanh nghiệp nuôi và chế biến cá tra, tôm xuất khẩu với hai nhà máy công suất 250 tấn nguyên liệu/ngày và 600 ha vùng nuôi. ' +
      'Công ty đang đầu tư nâng cấp hệ thống xử lý nước thải và tận dụng phụ phẩm để đáp ứng yêu cầu của thị trường EU.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences', 'engineering_technology'],
      subFields: ['fisheries', 'food_beverage_engineering'],
      keywords: ['chế biến cá tra', 'nuôi tôm', 'xuất khẩu', 'phụ phẩm'],
      staff: 2300,
    },
  },
  {
    key: 'bosua-bavi',
    name: 'Công ty TNHH Bò sữa Đồi Xanh Ba Vì',
    kind: 'enterprise',
    province: 'ha_noi',
    taxCode: '0106589341',
    website: 'https://bosua-bavi.example.vn',
    description:
      'Trang trại bò sữa 650 con và xưởng chế biến sữa tươi, sữa chua tại vùng Ba Vì. ' +
      'Công ty cần giải pháp xử lý chất thải chăn nuôi, tận dụng khí sinh học và quản lý sức khỏe đàn bò.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences'],
      subFields: ['animal_dairy_science'],
      keywords: ['bò sữa', 'chế biến sữa', 'chất thải chăn nuôi'],
      staff: 140,
    },
  },
  {
    key: 'cokhi-duyenhai',
    name: 'Công ty Cổ phần Cơ khí Chế tạo Duyên Hải',
    kind: 'enterprise',
    province: 'hai_phong',
    taxCode: '0201846573',
    website: 'https://cokhi-duyenhai.example.vn',
    description:
      'Doanh nghiệp chế tạo kết cấu thép, khung container và thiết bị nâng hạ cho cảng biển. ' +
      'Công ty có 3 xưởng với 45 máy CNC và đang triển khai lộ trình tự động hóa, chuyển đổi số sản xuất.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['mechanical_engineering', 'materials_engineering'],
      keywords: ['kết cấu thép', 'gia công cnc', 'hàn', 'thiết bị nâng hạ'],
      staff: 780,
    },
  },
  {
    key: 'detnhuom-kinhbac',
    name: 'Công ty TNHH Dệt nhuộm Kinh Bắc',
    kind: 'enterprise',
    province: 'bac_ninh',
    taxCode: '2300476128',
    website: 'https://detnhuom-kinhbac.example.vn',
    description:
      'Nhà máy dệt kim và nhuộm vải cotton, polyester công suất 30 tấn vải/ngày, 2.100 công nhân. ' +
      'Công ty ưu tiên các giải pháp giảm màu nước thải, thay lò hơi đốt than và chăm sóc sức khỏe người lao động.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['chemical_engineering'],
      keywords: ['dệt nhuộm', 'vải cotton', 'lò hơi'],
      staff: 2100,
    },
  },
  {
    key: 'nongnghiep-langbiang',
    name: 'Công ty Cổ phần Nông nghiệp Công nghệ cao Langbiang',
    kind: 'enterprise',
    province: 'lam_dong',
    taxCode: '5801247365',
    website: 'https://nongnghiep-langbiang.example.vn',
    description:
      'Doanh nghiệp sản xuất rau, hoa và dâu tây trong 35 ha nhà kính, xuất khẩu sang Nhật Bản và Singapore. ' +
      'Công ty là một trong những đơn vị tiên phong ứng dụng tưới nhỏ giọt, giá thể và kiểm soát vi khí hậu tại Lâm Đồng.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences'],
      subFields: ['high_tech_agriculture', 'crop_science'],
      keywords: ['nhà kính', 'rau xuất khẩu', 'hoa cắt cành', 'dâu tây', 'vietgap'],
      staff: 320,
      labs: ['Phòng nuôi cấy mô hoa công suất 300.000 cây/năm'],
    },
  },
  {
    key: 'moitruong-songhan',
    name: 'Công ty TNHH MTV Môi trường Đô thị Sông Hàn',
    kind: 'enterprise',
    province: 'da_nang',
    taxCode: '0400198652',
    website: 'https://moitruong-songhan.example.vn',
    description:
      'Doanh nghiệp công ích thu gom, vận chuyển và xử lý 1.100 tấn rác sinh hoạt mỗi ngày, vận hành bãi chôn lấp hợp vệ sinh của thành phố. ' +
      'Công ty thực hiện các đặt hàng công nghệ của thành phố về phân loại rác tại nguồn và xử lý nước rỉ rác.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['environmental_engineering'],
      keywords: ['thu gom rác', 'bãi chôn lấp', 'nước rỉ rác', 'phân loại rác'],
      staff: 1650,
    },
  },
  {
    key: 'disan-codo',
    name: 'Công ty Cổ phần Di sản và Du lịch Cố đô',
    kind: 'enterprise',
    province: 'hue',
    taxCode: '3301562874',
    website: 'https://disan-codo.example.vn',
    description:
      'Doanh nghiệp khai thác dịch vụ tham quan, thuyết minh và trải nghiệm tại các di tích và làng nghề truyền thống ở Huế. ' +
      'Công ty hợp tác với các đơn vị quản lý di tích để số hóa tư liệu và phát triển sản phẩm du lịch số.',
    verified: true,
    capability: {
      fields: ['humanities', 'social_sciences'],
      subFields: ['history_archaeology', 'arts'],
      keywords: ['du lịch di sản', 'thuyết minh', 'làng nghề'],
      staff: 95,
    },
  },
  {
    key: 'vietsense',
    name: 'Công ty Cổ phần Công nghệ VietSense',
    kind: 'enterprise',
    province: 'ho_chi_minh',
    taxCode: '0316728451',
    website: 'https://vietsense.example.vn',
    description:
      'Doanh nghiệp khoa học và công nghệ phát triển nền tảng IoT, thị giác máy tính và truy xuất nguồn gốc cho nông nghiệp và sản xuất. ' +
      'Sản phẩm của công ty đang vận hành tại hơn 200 nhà máy và hợp tác xã ở 18 tỉnh, thành.',
    verified: true,
    capability: {
      fields: ['engineering_technology', 'natural_sciences'],
      subFields: ['digital_technology', 'electrical_electronic_engineering', 'computer_information_sciences'],
      keywords: ['thị giác máy tính', 'iot', 'truy xuất nguồn gốc', 'phân tích video'],
      staff: 160,
      labs: ['Phòng thí nghiệm AI và dữ liệu ảnh công nghiệp'],
    },
  },
  {
    key: 'duoc-ankhang',
    name: 'Công ty Cổ phần Dược phẩm Thảo mộc An Khang',
    kind: 'enterprise',
    province: 'hung_yen',
    taxCode: '0900487213',
    website: 'https://duoc-ankhang.example.vn',
    description:
      'Nhà sản xuất thuốc từ dược liệu và thực phẩm bảo vệ sức khỏe đạt chuẩn GMP-WHO với 85 sản phẩm lưu hành. ' +
      'Công ty tìm kiếm quy trình chiết xuất chuẩn hóa hoạt chất và dịch vụ đánh giá an toàn tiền lâm sàng.',
    verified: true,
    capability: {
      fields: ['medical_health'],
      subFields: ['pharmacy'],
      keywords: ['thuốc dược liệu', 'gmp-who', 'thực phẩm bảo vệ sức khỏe'],
      staff: 430,
    },
  },
  {
    key: 'giong-phusa',
    name: 'Công ty Cổ phần Giống cây trồng Phù Sa',
    kind: 'enterprise',
    province: 'dong_thap',
    taxCode: '1400736295',
    website: 'https://giong-phusa.example.vn',
    description:
      'Doanh nghiệp sản xuất và cung ứng giống lúa, giống rau cho các hợp tác xã vùng đồng bằng sông Cửu Long, 12.000 tấn giống mỗi năm. ' +
      'Công ty liên kết với 40 hợp tác xã theo mô hình cánh đồng lớn.',
    verified: true,
    capability: {
      fields: ['agricultural_sciences'],
      subFields: ['crop_science'],
      keywords: ['giống lúa', 'cánh đồng lớn', 'hợp tác xã'],
      staff: 260,
    },
  },
  {
    key: 'dientu-quevo',
    name: 'Công ty TNHH Điện tử Quế Võ',
    kind: 'enterprise',
    province: 'bac_ninh',
    taxCode: '2301058346',
    website: 'https://dientu-quevo.example.vn',
    description:
      'Nhà máy lắp ráp bo mạch điện tử (SMT) cho thiết bị gia dụng và ô tô, là nhà cung ứng cấp 2 cho các tập đoàn đa quốc gia. ' +
      'Công ty có 8 dây chuyền SMT và đang nội địa hóa các khâu kiểm tra chất lượng và logistics nội bộ.',
    verified: true,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['electrical_electronic_engineering'],
      keywords: ['smt', 'bo mạch', 'lắp ráp điện tử'],
      staff: 1200,
    },
  },
  {
    key: 'nanoxanh',
    name: 'Công ty TNHH Công nghệ Nano Xanh',
    kind: 'enterprise',
    province: 'thai_nguyen',
    taxCode: '4601592837',
    website: 'https://nanoxanh.example.vn',
    description:
      'Doanh nghiệp khởi nghiệp đổi mới sáng tạo thành lập năm 2025, phát triển dung dịch nano kim loại cho nông nghiệp và thủy sản. ' +
      'Hồ sơ đăng ký tham gia sàn đang chờ thẩm định.',
    verified: false,
    capability: {
      fields: ['engineering_technology'],
      subFields: ['nanotechnology'],
      keywords: ['nano bạc', 'khởi nghiệp', 'khử trùng'],
      staff: 9,
    },
  },

  // ── Intermediary ───────────────────────────────────────────────────────────────────────
  {
    key: 'ketnoi-congnghe',
    name: 'Công ty Cổ phần Môi giới và Định giá Công nghệ Kết Nối',
    kind: 'broker_firm',
    province: 'ha_noi',
    taxCode: '0109873214',
    website: 'https://ketnoi-congnghe.example.vn',
    description:
      'Tổ chức trung gian của thị trường khoa học và công nghệ: môi giới, tư vấn chuyển giao, định giá công nghệ và tài sản trí tuệ. ' +
      'Đội ngũ môi giới đã đồng hành với hơn 70 hợp đồng chuyển giao công nghệ và tham gia tổ chức các kỳ Techmart, chợ công nghệ vùng Thủ đô.',
    verified: true,
    capability: {
      fields: ['social_sciences'],
      subFields: ['economics_business', 'law'],
      keywords: ['môi giới công nghệ', 'định giá công nghệ', 'hợp đồng chuyển giao công nghệ', 'sở hữu trí tuệ'],
      staff: 18,
    },
  },
];
