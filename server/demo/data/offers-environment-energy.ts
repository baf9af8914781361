/** Demo technology offers: wastewater, solid waste, air, renewable energy and energy efficiency. */
import type { DemoOffer } from './types';

export const OFFERS_ENVIRONMENT_ENERGY: readonly DemoOffer[] = [
  {
    key: 'mbr-nuoc-thai-thuy-san',
    organizationKey: 'vcnmt',
    title: 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng MBR',
    summary: 'Công nghệ xử lý nước thải giàu đạm và dầu mỡ của nhà máy chế biến thủy sản, kết hợp tuyển nổi DAF, thiếu khí và bể sinh học màng MBR.',
    description:
      'Nước thải được tách dầu mỡ và protein bằng tuyển nổi khí hòa tan (DAF), sau đó khử nitơ trong bể thiếu khí và oxy hóa trong bể sinh học màng MBR sợi rỗng PVDF kích thước lỗ 0,1 µm. ' +
      'Hệ thống xử lý nước thải đầu vào COD 2.500–4.000 mg/L, tổng nitơ 250 mg/L đạt cột A QCVN 11-MT:2015/BTNMT; nước sau màng đủ sạch để tái sử dụng rửa sàn và làm mát. ' +
      'Diện tích xây dựng chỉ bằng khoảng 40% so với bùn hoạt tính truyền thống nhờ không cần bể lắng thứ cấp. ' +
      'Công nghệ đã vận hành 3 năm tại một nhà máy chế biến cá tra ở Cần Thơ công suất 1.200 m³/ngày với chi phí vận hành 6.500–7.500 đồng/m³. ' +
      'Viện chuyển giao thiết kế, hướng dẫn vận hành và đào tạo cán bộ kỹ thuật của nhà máy.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['xử lý nước thải', 'màng mbr', 'chế biến thủy sản', 'khử nitơ', 'tái sử dụng nước'],
    trl: 8,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0023456'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'negotiable', amount: 1850000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['chế biến thủy sản', 'khu công nghiệp', 'thực phẩm'],
    status: 'published',
  },
  {
    key: 'fenton-dien-hoa-det-nhuom',
    organizationKey: 'vcnmt',
    title: 'Hệ thống oxy hóa nâng cao Fenton điện hóa khử màu nước thải dệt nhuộm',
    summary: 'Mô-đun Fenton điện hóa lắp sau bể sinh học để khử màu và COD khó phân hủy của nước thải dệt nhuộm.',
    description:
      'Thuốc nhuộm hoạt tính và phân tán bị phân hủy bởi gốc hydroxyl sinh ra tại điện cực anot BDD và catot nỉ cacbon, ion sắt được tái sinh liên tục nên lượng bùn sắt giảm 70% so với Fenton hóa chất. ' +
      'Ở quy mô pilot 10 m³/ngày, độ màu giảm từ 800 xuống dưới 50 Pt-Co và COD từ 350 xuống dưới 75 mg/L, đạt QCVN 13-MT:2015/BTNMT cột A. ' +
      'Điện năng tiêu thụ 1,8–2,5 kWh/m³ tùy độ màu đầu vào; mô-đun dạng container lắp nối tiếp sau hệ sinh học hiện có, không phải xây mới. ' +
      'Giải pháp đã chạy thử 6 tháng tại một cơ sở nhuộm ở làng nghề Vạn Phúc.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['nước thải dệt nhuộm', 'khử màu', 'fenton điện hóa', 'oxy hóa nâng cao', 'cod khó phân hủy'],
    trl: 7,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002871'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 1200000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['dệt may', 'nhuộm', 'làng nghề'],
    status: 'published',
  },
  {
    key: 'nuoc-ri-rac-mbbr-ro',
    organizationKey: 'vcnmt',
    title: 'Quy trình xử lý nước rỉ rác bãi chôn lấp bằng MBBR, keo tụ và thẩm thấu ngược',
    summary: 'Quy trình ba bậc xử lý nước rỉ rác có amoni và COD rất cao tại bãi chôn lấp rác sinh hoạt.',
    description:
      'Nước rỉ rác (COD 8.000–15.000 mg/L, amoni 1.500–2.500 mg/L) được tách amoni bằng tháp stripping, khử hữu cơ trong bể MBBR hai bậc với giá thể K3 và keo tụ PAC để loại chất humic. ' +
      'Bậc cuối dùng thẩm thấu ngược hai giai đoạn với tỷ lệ thu hồi 75%; nước cô đặc được tuần hoàn về ô chôn lấp hoặc bay hơi bằng năng lượng mặt trời. ' +
      'Nước sau xử lý đạt QCVN 25:2009/BTNMT cột A. ' +
      'Trạm pilot 50 m³/ngày tại một bãi chôn lấp ở Hà Nội đã vận hành 18 tháng với chi phí 95.000–120.000 đồng/m³.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['nước rỉ rác', 'bãi chôn lấp', 'mbbr', 'thẩm thấu ngược', 'amoni'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-03417'],
    transferModes: ['license_non_exclusive', 'turnkey', 'consulting'],
    pricing: { model: 'fixed', amount: 2400000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['quản lý chất thải rắn', 'đô thị', 'môi trường'],
    status: 'published',
  },
  {
    key: 'aao-nuoc-thai-sinh-hoat-hop-khoi',
    organizationKey: 'vcnmt',
    title: 'Trạm công nghệ xử lý nước thải sinh hoạt phân tán hợp khối AAO',
    summary: 'Trạm hợp khối composite 20–200 m³/ngày xử lý nước thải sinh hoạt cho khu dân cư, trường học và khu du lịch.',
    description:
      'Thiết bị bằng composite FRP gồm các ngăn kỵ khí, thiếu khí, hiếu khí với giá thể di động, lắng lamen và khử trùng UV, lắp đặt chìm dưới đất trong 3–5 ngày. ' +
      'Đầu ra đạt QCVN 14:2008/BTNMT cột A với BOD5 dưới 30 mg/L và amoni dưới 5 mg/L; điện năng 0,35 kWh/m³. ' +
      'Bộ điều khiển PLC gửi dữ liệu lưu lượng, DO và cảnh báo sự cố qua 4G về phần mềm giám sát. ' +
      'Hơn 60 trạm đã lắp đặt tại Hà Nội, Quảng Ninh và Ninh Bình; giá niêm yết cho mô-đun 50 m³/ngày.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['nước thải sinh hoạt', 'aao', 'hợp khối', 'xử lý phân tán', 'khu dân cư'],
    trl: 9,
    ipStatus: 'industrial_design',
    ipNumbers: ['3-0031872'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'fixed', amount: 420000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['đô thị', 'giáo dục', 'du lịch'],
    status: 'published',
  },
  {
    key: 'bai-loc-trong-cay-nong-thon',
    organizationKey: 'dh-mekong',
    title: 'Bãi lọc trồng cây dòng chảy ngầm xử lý nước thải nông thôn và làng nghề',
    summary: 'Giải pháp xử lý nước thải chi phí thấp, gần như không dùng điện, bằng bãi lọc trồng sậy và cỏ vetiver.',
    description:
      'Bãi lọc dòng chảy ngầm đứng và ngang với vật liệu lọc cát, sỏi, vỏ ốc và than sinh học từ trấu, trồng sậy, cỏ vetiver và chuối hoa. ' +
      'Với tải trọng 0,1 m³/m²/ngày, hiệu suất khử BOD đạt 85–90%, tổng nitơ 60–70% và tổng phốt pho 70–80%. ' +
      'Chi phí đầu tư khoảng 2,5 triệu đồng/m³ công suất và chi phí vận hành gần bằng không ngoài cắt cây định kỳ. ' +
      'Mô hình 30 m³/ngày tại một làng nghề bánh tráng ở Vĩnh Long đã hoạt động 4 năm. ' +
      'Trường hỗ trợ thiết kế theo địa hình, lựa chọn cây bản địa và tập huấn cho tổ vận hành của xã.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['bãi lọc trồng cây', 'nước thải nông thôn', 'làng nghề', 'chi phí thấp', 'than sinh học'],
    trl: 8,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 150000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['nông thôn mới', 'làng nghề', 'chế biến nông sản'],
    status: 'published',
  },
  {
    key: 'uasb-nuoc-thai-chan-nuoi',
    organizationKey: 'dhnl-vietbac',
    title: 'Xử lý nước thải chăn nuôi sau biogas bằng UASB cải tiến và khử nitơ thiếu khí',
    summary: 'Chuỗi UASB cải tiến – anoxic – hiếu khí xử lý nước thải trại lợn và bò sau hầm biogas đạt QCVN 62-MT:2016.',
    description:
      'Nước thải sau hầm biogas vẫn còn COD 1.500–3.000 mg/L và amoni 400–600 mg/L; quy trình bổ sung bể UASB có vách hướng dòng, bể thiếu khí tuần hoàn nội và bể hiếu khí sục khí gián đoạn theo DO. ' +
      'Nguồn cacbon cho khử nitơ lấy từ một phần nước thải trước UASB nên không phải mua methanol. ' +
      'Trại thực nghiệm 500 lợn của Trường (80 m³/ngày) đạt QCVN 62-MT:2016/BTNMT cột B sau 24 tháng vận hành, chi phí khoảng 4.000 đồng/m³. ' +
      'Bùn dư được ép và ủ thành phân hữu cơ cho vườn chè.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['nước thải chăn nuôi', 'uasb', 'khử nitơ', 'trang trại lợn', 'sau biogas'],
    trl: 7,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002544'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'negotiable', amount: 380000000, currency: 'VND' },
    province: 'thai_nguyen',
    sectors: ['chăn nuôi', 'trang trại', 'nông nghiệp'],
    status: 'published',
  },
  {
    key: 'che-pham-vi-sinh-phan-huy-dau',
    organizationKey: 'vcnsh',
    title: 'Chế phẩm vi sinh phân hủy dầu mỡ cho bể tách mỡ và đất nhiễm dầu',
    summary: 'Tổ hợp chủng Bacillus và Pseudomonas sinh biosurfactant phân hủy dầu khoáng, dầu mỡ động thực vật.',
    description:
      'Chế phẩm gồm 5 chủng vi khuẩn phân lập từ vùng nhiễm dầu ở cảng Cát Lái, mật độ trên 10⁹ CFU/g, dạng bột trên chất mang cám gạo. ' +
      'Trong thử nghiệm, 85% dầu diesel trong đất nhiễm 20.000 mg/kg bị phân hủy sau 45 ngày, và lớp mỡ trong bể tách mỡ của bếp ăn công nghiệp giảm 60% sau 2 tuần. ' +
      'Viện chuyển giao quy trình nhân giống cấp 1, cấp 2 và lên men 2.000 lít, kèm bộ chủng gốc. ' +
      'Sản phẩm phù hợp cho nhà hàng, khu chế biến thực phẩm và xử lý sự cố tràn dầu nhỏ.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_biotechnology',
    keywords: ['chế phẩm vi sinh', 'phân hủy dầu', 'bể tách mỡ', 'biosurfactant', 'xử lý đất ô nhiễm'],
    trl: 7,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['license_exclusive', 'assignment'],
    pricing: { model: 'fixed', amount: 650000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['thực phẩm', 'cảng biển', 'dịch vụ môi trường'],
    status: 'published',
  },
  {
    key: 'u-compost-rac-huu-co',
    organizationKey: 'vcnsh',
    title: 'Quy trình ủ compost hiếu khí cưỡng bức rác hữu cơ đô thị với chế phẩm vi sinh chịu nhiệt',
    summary: 'Ủ luống thổi khí cưỡng bức rác hữu cơ đã phân loại, rút thời gian ủ còn 21 ngày.',
    description:
      'Rác hữu cơ sau phân loại được nghiền, phối trộn với chế phẩm xạ khuẩn và nấm chịu nhiệt đến 70 °C, ủ trong luống có sàn thổi khí điều khiển theo cảm biến nhiệt độ và oxy. ' +
      'Thời gian ủ giảm từ 45–60 ngày xuống 21 ngày, mùi amoniac và H2S giảm rõ nhờ lớp phủ màng bán thấm. ' +
      'Sản phẩm đạt tiêu chuẩn phân bón hữu cơ theo Nghị định 84/2019/NĐ-CP, hàm lượng hữu cơ trên 20%. ' +
      'Mô hình 50 tấn/ngày đã chạy thử tại một khu xử lý rác ở Bình Dương cũ (nay thuộc TP. Hồ Chí Minh).',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_biotechnology',
    keywords: ['ủ compost', 'rác hữu cơ', 'chất thải rắn sinh hoạt', 'phân hữu cơ', 'thổi khí cưỡng bức'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2023-06182'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'negotiable', amount: 2800000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['quản lý chất thải rắn', 'đô thị', 'phân bón'],
    status: 'published',
  },
  {
    key: 'optical-waste-sorting',
    organizationKey: 'dhkt-hathanh',
    title: 'Computer-vision sorting line for recyclables in mixed municipal waste',
    summary: 'A conveyor line that recognises plastics, metal and paper with a camera and removes them with air jets.',
    description:
      'An RGB and near-infrared camera above a 1.2 m conveyor classifies PET, HDPE, aluminium cans, cardboard and film in real time with a deep-learning model trained on 180,000 images of Vietnamese household waste. ' +
      'Compressed-air ejectors remove the detected items at up to 3 tonnes per hour, with 92% purity for PET and 88% for aluminium. ' +
      'The line runs on an industrial PC with an edge GPU and reports throughput and recovery rates to a web dashboard. ' +
      'A 6-month pilot ran at a material recovery facility in Hanoi, reducing manual pickers on the line from 12 to 4.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['waste sorting', 'computer vision', 'recycling', 'municipal solid waste', 'material recovery'],
    trl: 6,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2025-00841'],
    transferModes: ['co_development', 'license_exclusive'],
    pricing: { model: 'negotiable', amount: 9500000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['waste management', 'recycling', 'urban services'],
    status: 'published',
  },
  {
    key: 'loc-bui-khi-thai-lo-hoi',
    organizationKey: 'vcnmt',
    title: 'Hệ thống xử lý khí thải lò hơi: lọc bụi túi vải và tháp hấp thụ SO2 bằng sữa vôi',
    summary: 'Hệ thống lọc bụi và khử SO2 cho lò hơi đốt than, sinh khối công suất 2–20 tấn hơi/giờ.',
    description:
      'Khí thải đi qua cyclone chùm, lọc bụi túi vải PTFE với rũ bụi khí nén xung và tháp hấp thụ đệm dùng sữa vôi để khử SO2. ' +
      'Nồng độ bụi sau xử lý dưới 50 mg/Nm³, SO2 dưới 300 mg/Nm³, đạt QCVN 19:2024/BTNMT. ' +
      'Hệ thống có quan trắc khí thải tự động liên tục truyền dữ liệu về Sở Nông nghiệp và Môi trường. ' +
      'Đã lắp đặt cho 14 lò hơi tại các nhà máy giấy, dệt và chế biến gỗ ở Bắc Ninh và Hưng Yên.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['khí thải lò hơi', 'lọc bụi túi vải', 'khử so2', 'quan trắc tự động', 'ô nhiễm không khí'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['turnkey'],
    pricing: { model: 'fixed', amount: 1650000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['công nghiệp', 'dệt may', 'giấy'],
    status: 'published',
  },
  {
    key: 'biofilter-odour-control',
    organizationKey: 'vcnsh',
    title: 'Biofilter and bioscrubber for odour control at wastewater plants and rendering factories',
    summary: 'A compact biological odour-control unit that removes H2S, ammonia and mercaptans without chemicals.',
    description:
      'Foul air is humidified in a bioscrubber and passed through a biofilter bed of coconut fibre and compost seeded with sulphur-oxidising and nitrifying bacteria selected by the institute. ' +
      'Removal efficiency is above 95% for H2S up to 200 ppm and above 90% for ammonia at an empty-bed residence time of 25 seconds. ' +
      'Standard modules treat 5,000 to 30,000 m³ of air per hour; the bed media lasts 3 to 4 years. ' +
      'Units have operated for two years at a fish-meal plant in Kien Giang (now An Giang) and at a municipal sludge dewatering station.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'environmental_biotechnology',
    keywords: ['odour control', 'biofilter', 'hydrogen sulphide', 'ammonia', 'fish meal'],
    trl: 8,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 6000000, currency: 'USD' },
    province: 'ho_chi_minh',
    sectors: ['wastewater treatment', 'seafood by-products', 'rendering'],
    status: 'published',
  },
  {
    key: 'biogas-hdpe-phat-dien',
    organizationKey: 'vnltt',
    title: 'Hầm biogas phủ bạt HDPE và máy phát điện khí sinh học cho trang trại chăn nuôi',
    summary: 'Trọn gói hầm khí sinh học HDPE, lọc H2S và máy phát điện 50–250 kW cho trang trại lợn và bò sữa.',
    description:
      'Hầm kiểu hồ phủ bạt HDPE dày 1,5 mm có thời gian lưu 30–40 ngày, thu 0,6–0,8 m³ khí/m³ phân lỏng với hàm lượng methane 60–65%. ' +
      'Khí được khử H2S bằng tháp sinh học và phoi sắt, làm khô rồi cấp cho máy phát điện cải tiến từ động cơ diesel, tiêu thụ 0,55 m³ khí/kWh. ' +
      'Một trang trại 600 bò sữa ở Ba Vì (thiết kế mẫu) tiết kiệm khoảng 75 triệu đồng tiền điện mỗi tháng và giảm mùi rõ rệt. ' +
      'Viện đã thi công hơn 300 công trình tại 11 tỉnh, bảo hành bạt 5 năm.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['biogas', 'khí sinh học', 'phát điện', 'chất thải chăn nuôi', 'bò sữa'],
    trl: 9,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0001987'],
    transferModes: ['turnkey', 'consulting'],
    pricing: { model: 'fixed', amount: 1350000000, currency: 'VND' },
    province: 'hai_phong',
    sectors: ['chăn nuôi', 'năng lượng', 'trang trại'],
    status: 'published',
  },
  {
    key: 'lo-hoi-sinh-khoi-tang-soi',
    organizationKey: 'vnltt',
    title: 'Lò hơi đốt sinh khối tầng sôi thay thế lò hơi đốt than',
    summary: 'Lò hơi tầng sôi 4–15 tấn hơi/giờ đốt trấu, viên nén gỗ và vỏ điều, chuyển đổi từ lò than hiện có.',
    description:
      'Buồng đốt tầng sôi với cát thạch anh và hệ cấp liệu trục vít cho phép đốt sinh khối độ ẩm đến 30%, hiệu suất nhiệt 82–85%. ' +
      'Giải pháp tận dụng bao hơi và bộ hâm nước của lò than cũ, thời gian cải tạo khoảng 6 tuần. ' +
      'So với đốt than, chi phí nhiên liệu giảm 15–25% và phát thải CO2 hóa thạch giảm khoảng 4.000 tấn/năm với lò 10 tấn hơi/giờ. ' +
      'Bộ điều khiển tự động điều chỉnh gió cấp một, cấp hai theo áp suất hơi và nồng độ O2 khói thải.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['lò hơi sinh khối', 'tầng sôi', 'thay thế than', 'viên nén gỗ', 'giảm phát thải'],
    trl: 8,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0031542'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 3200000000, currency: 'VND' },
    province: 'hai_phong',
    sectors: ['dệt may', 'chế biến thực phẩm', 'công nghiệp'],
    status: 'published',
  },
  {
    key: 'rooftop-solar-storage-ems',
    organizationKey: 'vnltt',
    title: 'Rooftop solar with battery storage and energy management for factories',
    summary: 'A factory rooftop PV system with lithium iron phosphate storage and an energy management system that shaves peak demand.',
    description:
      'The package combines 500 kWp to 3 MWp of rooftop PV, 250 kWh to 2 MWh of LFP batteries and an EMS that schedules charging against time-of-use tariffs and limits export to the grid. ' +
      'In a 1 MWp pilot at a garment factory in Hai Phong, self-consumption reached 97% and peak-hour purchases fell by 38%. ' +
      'The EMS forecasts solar output from weather data and the plant load from production schedules, with a payback of about 6 years. ' +
      'The institute supplies design, structural checks of the roof, commissioning and operator training.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['rooftop solar', 'battery storage', 'energy management', 'peak shaving', 'factory'],
    trl: 9,
    ipStatus: 'copyright',
    ipNumbers: ['5812/2024/QTG'],
    transferModes: ['turnkey', 'consulting'],
    pricing: { model: 'negotiable', amount: 45000000, currency: 'USD' },
    province: 'hai_phong',
    sectors: ['manufacturing', 'industrial parks', 'energy'],
    status: 'published',
  },
  {
    key: 'bom-nuoc-nang-luong-mat-troi',
    organizationKey: 'vnltt',
    title: 'Hệ thống bơm nước tưới bằng năng lượng mặt trời cho vùng khô hạn',
    summary: 'Bơm chìm năng lượng mặt trời không cần ắc quy, biến tần MPPT, cho tưới cà phê, tiêu và cây ăn quả.',
    description:
      'Tấm pin 2–15 kWp cấp trực tiếp cho bơm chìm qua biến tần MPPT, lưu lượng 10–60 m³/giờ ở cột áp đến 80 m, nước được trữ vào bể hoặc hồ treo để tưới buổi chiều. ' +
      'Biến tần tự khởi động mềm khi đủ nắng và bảo vệ chạy khô bằng cảm biến mực nước. ' +
      'Hơn 120 hệ thống đã lắp tại Đắk Lắk, Gia Lai và Ninh Thuận cũ, giảm 100% chi phí dầu diesel cho tưới. ' +
      'Có thể kết nối với bộ điều khiển tưới nhỏ giọt để tưới theo lịch.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['bơm nước mặt trời', 'tưới tiêu', 'biến tần mppt', 'khô hạn', 'điện mặt trời'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['turnkey'],
    pricing: { model: 'fixed', amount: 185000000, currency: 'VND' },
    province: 'hai_phong',
    sectors: ['nông nghiệp', 'thủy lợi', 'năng lượng'],
    status: 'published',
  },
  {
    key: 'tuabin-gio-truc-dung-3kw',
    organizationKey: 'vnltt',
    title: 'Tuabin gió trục đứng 3 kW cho hải đảo và trạm viễn thông',
    summary: 'Tuabin gió trục đứng kiểu Darrieus-H, khởi động ở gió 2,5 m/s, kết hợp điện mặt trời và ắc quy.',
    description:
      'Rotor 3 cánh composite sợi thủy tinh đường kính 3,2 m, máy phát nam châm vĩnh cửu truyền động trực tiếp, chịu được gió bão cấp 12 nhờ phanh điện từ tự động. ' +
      'Sản lượng khoảng 4.500 kWh/năm ở vận tốc gió trung bình 5,5 m/s, độ ồn dưới 45 dB ở khoảng cách 20 m. ' +
      'Hai nguyên mẫu đã vận hành 14 tháng tại đảo Cát Bà và một trạm phát sóng ở Quảng Trị. ' +
      'Viện đấu giá quyền sử dụng độc quyền kiểu dáng và bản vẽ chế tạo cho một doanh nghiệp sản xuất trong nước.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['tuabin gió', 'điện gió nhỏ', 'hải đảo', 'trục đứng', 'hệ lai'],
    trl: 6,
    ipStatus: 'industrial_design',
    ipNumbers: ['3-0029415'],
    transferModes: ['license_exclusive'],
    pricing: { model: 'auction', amount: 500000000, currency: 'VND', reservePrice: 650000000, closesInDays: 7 },
    province: 'hai_phong',
    sectors: ['năng lượng', 'viễn thông', 'hải đảo'],
    status: 'published',
  },
  {
    key: 'giam-sat-nang-luong-iot',
    organizationKey: 'vnltt',
    title: 'Hệ thống giám sát năng lượng IoT hỗ trợ kiểm toán và tiết kiệm năng lượng nhà máy',
    summary: 'Đồng hồ đo điện không dây và phần mềm phân tích phát hiện lãng phí năng lượng theo từng máy, từng ca.',
    description:
      'Bộ đo 3 pha kẹp dòng không cần cắt điện gửi dữ liệu 1 phút/lần qua LoRaWAN về máy chủ, kèm cảm biến lưu lượng khí nén và hơi. ' +
      'Phần mềm tính suất tiêu hao năng lượng trên sản phẩm, phát hiện máy chạy không tải, rò rỉ khí nén và hệ số công suất thấp. ' +
      'Trong 40 nhà máy đã áp dụng (dệt, nhựa, chế biến thủy sản), mức tiết kiệm điện đạt 8–15% trong năm đầu. ' +
      'Báo cáo xuất theo mẫu kiểm toán năng lượng bắt buộc của Bộ Công Thương.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['tiết kiệm năng lượng', 'kiểm toán năng lượng', 'iot', 'đo điện', 'khí nén'],
    trl: 9,
    ipStatus: 'copyright',
    ipNumbers: ['3127/2023/QTG'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'fixed', amount: 240000000, currency: 'VND' },
    province: 'hai_phong',
    sectors: ['công nghiệp', 'dệt may', 'năng lượng'],
    status: 'published',
  },
  {
    key: 'thu-hoi-nhiet-khoi-lo-say',
    organizationKey: 'vchtd',
    title: 'Bộ trao đổi nhiệt ống nhiệt thu hồi nhiệt khói thải lò sấy và lò hơi',
    summary: 'Bộ thu hồi nhiệt dạng ống nhiệt gia nhiệt khí cấp hoặc nước cấp từ khói thải 150–350 °C.',
    description:
      'Các ống nhiệt thép có cánh chứa môi chất nước chuyển nhiệt từ dòng khói sang dòng khí sạch hoặc nước cấp lò, không có nguy cơ rò lẫn hai dòng. ' +
      'Với khói 250 °C, nhiệt độ khói ra giảm còn 130 °C và nhiên liệu của lò sấy giảm 10–14%. ' +
      'Thiết kế dạng mô-đun có cửa vệ sinh bám bụi, phù hợp lò sấy nông sản, lò sấy gỗ và lò hơi nhỏ. ' +
      'Đang vận hành thử tại một xưởng sấy tinh bột sắn ở Quảng Ngãi.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['thu hồi nhiệt', 'ống nhiệt', 'lò sấy', 'hiệu quả năng lượng', 'khói thải'],
    trl: 6,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2025-02290'],
    transferModes: ['co_development', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 350000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['chế biến nông sản', 'chế biến gỗ', 'công nghiệp'],
    status: 'draft',
  },
];
