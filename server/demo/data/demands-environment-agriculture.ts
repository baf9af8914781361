/**
 * Demo technology demands (nhu cầu, đặt hàng công nghệ) on waste and pollution, renewable energy,
 * agriculture, aquaculture and the natural sciences behind them.
 */
import type { DemoDemand } from './types';

export const DEMANDS_ENVIRONMENT_AGRICULTURE: readonly DemoDemand[] = [
  // ── Wastewater, emissions and solid waste ──────────────────────────────────────────────
  {
    key: 'seafood-wastewater-mekong',
    organizationKey: 'thuysan-mekong',
    title: 'Đặt hàng công nghệ xử lý nước thải chế biến cá tra đạt cột A',
    summary: 'Nâng cấp hệ thống xử lý nước thải của nhà máy chế biến cá tra 2.400 m³/ngày để đạt cột A và tái sử dụng một phần nước.',
    problem:
      'Nhà máy chế biến cá tra tại Cần Thơ thải khoảng 2.400 m³ nước thải mỗi ngày với COD 2.500–3.500 mg/l, nhiều dầu mỡ và nitơ. ' +
      'Hệ thống hiếu khí hiện tại chỉ đạt cột B, tiêu thụ khoảng 180 triệu đồng tiền điện mỗi tháng và thường vượt chỉ tiêu amoni vào mùa cao điểm. ' +
      'Mặt bằng còn trống chỉ khoảng 1.200 m² và nhà máy không được dừng sản xuất quá 3 ngày khi cải tạo.',
    desiredOutcome:
      'Nước thải sau xử lý đạt cột A của quy chuẩn kỹ thuật quốc gia về nước thải chế biến thủy sản, chi phí vận hành giảm ít nhất 25% và tái sử dụng 20% nước cho vệ sinh nhà xưởng. ' +
      'Nhà cung cấp chuyển giao trọn gói, đào tạo vận hành và bảo hành tối thiểu 24 tháng.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['xử lý nước thải', 'chế biến thủy sản', 'cá tra', 'khử nitơ', 'tái sử dụng nước'],
    minTrl: 7,
    budget: { min: 4_000_000_000, max: 9_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'co_development'],
    province: 'can_tho',
    mode: 'call_for_proposals',
    deadlineInDays: 21,
    status: 'published',
  },
  {
    key: 'textile-dye-wastewater-kinhbac',
    organizationKey: 'detnhuom-kinhbac',
    title: 'Công nghệ khử màu và xử lý nước thải dệt nhuộm',
    summary: 'Tìm công nghệ khử màu nước thải dệt nhuộm 1.800 m³/ngày với chi phí hóa chất thấp hơn phương pháp keo tụ hiện nay.',
    problem:
      'Nhà máy nhuộm vải cotton và polyester thải 1.800 m³ nước thải mỗi ngày, độ màu đầu vào 800–1.500 Pt-Co và pH dao động từ 9 đến 11. ' +
      'Công đoạn keo tụ bằng PAC và polymer tiêu tốn khoảng 350 triệu đồng hóa chất mỗi tháng và sinh ra 6 tấn bùn nguy hại mỗi ngày. ' +
      'Độ màu sau xử lý vẫn dao động sát ngưỡng cho phép khi nhà máy chuyển sang nhuộm màu tối.',
    desiredOutcome:
      'Độ màu sau xử lý ổn định dưới 50 Pt-Co, giảm ít nhất 30% chi phí hóa chất và 40% lượng bùn thải. Ưu tiên giải pháp oxy hóa nâng cao hoặc sinh học có thể lắp ghép vào hệ thống đang có.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['xử lý nước thải', 'dệt nhuộm', 'khử màu', 'oxy hóa nâng cao', 'bùn thải'],
    minTrl: 6,
    budget: { min: 1_500_000_000, max: 4_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'craft-village-wastewater-hanoi',
    organizationKey: 'ketnoi-congnghe',
    title: 'Xử lý nước thải làng nghề chế biến tinh bột dong riềng và miến',
    summary: 'Hợp tác xã làng nghề miến dong ở ngoại thành Hà Nội cần hệ thống xử lý nước thải tập trung chi phí thấp, dễ vận hành.',
    problem:
      'Làng nghề có khoảng 180 hộ sản xuất tinh bột dong riềng và miến, thải 600–900 m³ nước thải mỗi ngày vào mùa vụ từ tháng 10 đến tháng 3. ' +
      'Nước thải giàu tinh bột, COD lên tới 8.000 mg/l và có mùi chua, đang chảy thẳng ra kênh tiêu nông nghiệp. ' +
      'Hợp tác xã chỉ có 2 người có thể vận hành và chi phí vận hành phải dưới 4.000 đồng/m³ để các hộ chấp nhận đóng góp. Sàn đăng nhu cầu này thay mặt hợp tác xã.',
    desiredOutcome:
      'Một hệ thống xử lý tập trung (ví dụ kỵ khí kết hợp hồ sinh học hoặc bãi lọc trồng cây) đạt cột B, thu hồi khí sinh học nếu khả thi. Nhà cung cấp tư vấn thêm phương án thu gom nước thải từ các hộ.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['xử lý nước thải', 'làng nghề', 'tinh bột', 'kỵ khí', 'bãi lọc trồng cây'],
    minTrl: 6,
    budget: { min: 800_000_000, max: 2_500_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'consulting'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'landfill-leachate-danang',
    organizationKey: 'moitruong-songhan',
    title: 'Đặt hàng công nghệ xử lý nước rỉ rác bãi chôn lấp',
    summary: 'Thành phố đặt hàng công nghệ xử lý 500 m³/ngày nước rỉ rác tồn đọng và phát sinh mới tại bãi chôn lấp hợp vệ sinh.',
    problem:
      'Bãi chôn lấp đang tồn khoảng 120.000 m³ nước rỉ rác trong các hồ chứa, mỗi ngày phát sinh thêm 350–500 m³, tăng mạnh vào mùa mưa. ' +
      'Nước rỉ rác có COD 4.000–12.000 mg/l, amoni trên 1.500 mg/l và nhiều chất khó phân hủy sinh học. ' +
      'Hệ thống hiện tại chỉ xử lý được 200 m³/ngày và chi phí màng lọc thay thế khoảng 2,5 tỷ đồng mỗi năm.',
    desiredOutcome:
      'Công nghệ xử lý ổn định 500 m³/ngày đạt quy chuẩn nước rỉ rác, xử lý dứt điểm lượng tồn đọng trong 3 năm, chi phí vận hành dưới 120.000 đồng/m³.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['nước rỉ rác', 'bãi chôn lấp', 'khử amoni', 'màng lọc', 'xử lý nước thải'],
    minTrl: 7,
    budget: { min: 6_000_000_000, max: 15_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'co_development'],
    province: 'da_nang',
    mode: 'call_for_proposals',
    deadlineInDays: 30,
    status: 'published',
  },
  {
    key: 'organic-waste-compost-danang',
    organizationKey: 'moitruong-songhan',
    title: 'Chế phẩm vi sinh và quy trình ủ rác hữu cơ thành phân compost',
    summary: 'Cần quy trình ủ nhanh 150 tấn rác hữu cơ mỗi ngày thành phân compost đạt tiêu chuẩn phân bón hữu cơ, giảm mùi.',
    problem:
      'Sau khi thành phố triển khai phân loại rác tại nguồn, công ty thu gom khoảng 150 tấn rác hữu cơ mỗi ngày từ chợ và hộ gia đình. ' +
      'Ủ đống tĩnh hiện mất 60–75 ngày, phát sinh mùi và nước rỉ, khiến dân cư xung quanh khiếu nại. ' +
      'Phân thành phẩm chưa đạt chỉ tiêu hữu cơ tổng số nên khó bán.',
    desiredOutcome:
      'Rút thời gian ủ xuống dưới 30 ngày, giảm mùi rõ rệt và sản phẩm đủ điều kiện công bố phân bón hữu cơ. Nhận chuyển giao chế phẩm và quy trình, kèm hướng dẫn kỹ thuật tại hiện trường.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_biotechnology',
    keywords: ['chất thải rắn', 'rác hữu cơ', 'phân compost', 'chế phẩm vi sinh', 'khử mùi'],
    minTrl: 6,
    budget: { min: 1_000_000_000, max: 3_000_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'consulting'],
    province: 'da_nang',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'paint-shop-voc-haiphong',
    organizationKey: 'cokhi-duyenhai',
    title: 'Xử lý khí thải VOC từ xưởng sơn kết cấu thép',
    summary: 'Tìm hệ thống thu gom và xử lý hơi dung môi từ buồng sơn 40.000 m³/giờ để đạt quy chuẩn khí thải công nghiệp.',
    problem:
      'Xưởng sơn kết cấu thép và khung container sử dụng khoảng 9 tấn sơn gốc dung môi mỗi tháng, khí thải buồng sơn có lưu lượng 40.000 m³/giờ. ' +
      'Tháp hấp phụ than hoạt tính hiện tại phải thay than mỗi 3 tuần, tốn khoảng 90 triệu đồng mỗi lần, mà nồng độ VOC đầu ra vẫn vượt ngưỡng khi chạy 2 ca.',
    desiredOutcome:
      'Hệ thống xử lý VOC (ví dụ hấp phụ, giải hấp kết hợp oxy hóa xúc tác) đạt quy chuẩn khí thải, chi phí vận hành giảm ít nhất 40% so với hiện nay.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'environmental_engineering',
    keywords: ['khí thải', 'voc', 'buồng sơn', 'oxy hóa xúc tác', 'than hoạt tính'],
    minTrl: 6,
    budget: { min: 700_000_000, max: 1_800_000_000, currency: 'VND' },
    transferModes: ['turnkey'],
    province: 'hai_phong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'seafood-byproduct-collagen',
    organizationKey: 'thuysan-mekong',
    title: 'Process for extracting collagen peptide from pangasius skin',
    summary: 'Looking for a licensable enzymatic process to turn pangasius skin, a processing by-product, into food-grade collagen peptide.',
    problem:
      'Our two plants generate about 18 tonnes of pangasius skin a day, which we currently sell to fishmeal mills for roughly 4,000 VND per kilogram. ' +
      'Buyers in Japan and Korea ask for marine-origin collagen peptide, but we have no validated process, and off-odour and heavy-metal limits are strict. ' +
      'Any process must run on the steam and cold-storage utilities we already have on site.',
    desiredOutcome:
      'A pilot-proven enzymatic hydrolysis process reaching food-grade collagen peptide (molecular weight below 3,000 Da) with yield data, licensed exclusively for the Mekong Delta. ' +
      'Support for scale-up to 2 tonnes of skin per day is expected.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'industrial_biotechnology',
    keywords: ['collagen peptide', 'fish by-products', 'enzymatic hydrolysis', 'pangasius', 'solid waste'],
    minTrl: 5,
    budget: { min: 5_000_000, max: 15_000_000, currency: 'USD' },
    transferModes: ['license_exclusive', 'co_development'],
    province: 'can_tho',
    mode: 'open',
    status: 'published',
  },

  // ── Renewable energy ───────────────────────────────────────────────────────────────────
  {
    key: 'dairy-farm-biogas-bavi',
    organizationKey: 'bosua-bavi',
    title: 'Hệ thống khí sinh học (biogas) phát điện cho trang trại bò sữa',
    summary: 'Trang trại 650 bò sữa cần công trình biogas xử lý phân và nước rửa chuồng, phát điện phục vụ xưởng chế biến sữa.',
    problem:
      'Trang trại phát sinh khoảng 30 tấn phân và 90 m³ nước rửa chuồng mỗi ngày; hầm biogas phủ bạt cũ đã quá tải, gây mùi và rò rỉ ra suối. ' +
      'Tiền điện cho hệ thống làm lạnh sữa và xưởng chế biến khoảng 260 triệu đồng mỗi tháng. ' +
      'Trang trại nằm trong vùng có yêu cầu bảo vệ nguồn nước nên phải kiểm soát chặt nước sau biogas.',
    desiredOutcome:
      'Công trình biogas cùng máy phát 150–250 kW, tự đáp ứng ít nhất 50% nhu cầu điện, nước sau biogas được xử lý tiếp để tưới đồng cỏ và phần bã làm phân bón.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['biogas', 'khí sinh học', 'chất thải chăn nuôi', 'bò sữa', 'phát điện'],
    minTrl: 7,
    budget: { min: 1_200_000_000, max: 3_500_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'consulting'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'industrial-park-rooftop-solar',
    organizationKey: 'dientu-quevo',
    title: 'Rooftop solar with battery storage for an electronics plant in an industrial park',
    summary: 'An SMT assembly plant in a Bac Ninh industrial park seeks a rooftop solar and storage system of about 1.5 MWp for self-consumption.',
    problem:
      'Our plant draws about 1,100 MWh a month, with peak-hour tariffs making up 38% of the electricity bill, and our multinational customers require a verified share of renewable power by 2027. ' +
      'We have 16,000 m² of steel-sheet roof, parts of which need reinforcement, and SMT lines cannot tolerate voltage dips.',
    desiredOutcome:
      'A turnkey or shared-investment rooftop solar system with peak-shaving storage, a monitoring dashboard and renewable-energy reporting that our customers accept. ' +
      'Payback under 6 years and no export to the grid.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['rooftop solar', 'battery storage', 'industrial park', 'peak shaving', 'renewable energy'],
    minTrl: 8,
    budget: { min: 80_000_000, max: 120_000_000, currency: 'USD' },
    transferModes: ['turnkey', 'joint_venture'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'biomass-boiler-kinhbac',
    organizationKey: 'detnhuom-kinhbac',
    title: 'Chuyển lò hơi đốt than sang lò hơi sinh khối cho nhà máy dệt nhuộm',
    summary: 'Thay lò hơi than 15 tấn hơi/giờ bằng lò hơi đốt sinh khối (trấu, viên nén gỗ) để giảm phát thải và chi phí nhiên liệu.',
    problem:
      'Hai lò hơi đốt than cấp hơi cho dây chuyền nhuộm tiêu thụ khoảng 1.100 tấn than mỗi tháng, chi phí nhiên liệu gần 3 tỷ đồng. ' +
      'Khách hàng may mặc xuất khẩu yêu cầu giảm phát thải khí nhà kính 30% trước năm 2028 và khí thải lò hơi phải đáp ứng quy chuẩn mới.',
    desiredOutcome:
      'Lò hơi sinh khối hiệu suất trên 82%, hệ thống xử lý bụi đạt quy chuẩn, phương án cung ứng nhiên liệu ổn định trong bán kính 100 km và báo cáo giảm phát thải có thể kiểm chứng.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'energy_engineering',
    keywords: ['lò hơi sinh khối', 'năng lượng tái tạo', 'trấu', 'giảm phát thải', 'dệt nhuộm'],
    minTrl: 7,
    budget: { min: 5_000_000_000, max: 12_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'consulting'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'pending_review',
  },

  // ── High-tech agriculture, breeding, animal health ─────────────────────────────────────
  {
    key: 'greenhouse-iot-irrigation-langbiang',
    organizationKey: 'nongnghiep-langbiang',
    title: 'Hệ thống tưới nhỏ giọt tự động IoT kết hợp bón phân cho nhà kính',
    summary: 'Cần hệ thống IoT điều khiển tưới và châm phân theo độ ẩm giá thể, EC và bức xạ cho 35 ha nhà kính.',
    problem:
      'Các nhà kính dâu tây và rau đang tưới theo lịch hẹn giờ, lượng nước và phân bón dư thừa khoảng 30%, gây nấm bệnh rễ. ' +
      'Mỗi khu nhà kính có tủ điều khiển của một hãng khác nhau, không thể giám sát tập trung. ' +
      'Đường truyền 4G tại vùng đồi thường chập chờn nên hệ thống phải tự chạy khi mất kết nối.',
    desiredOutcome:
      'Giảm 25% nước và phân bón, giám sát tập trung trên điện thoại, cảnh báo khi EC, pH vượt ngưỡng. Chuyển giao phần cứng, phần mềm và đào tạo kỹ thuật viên của công ty.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'high_tech_agriculture',
    keywords: ['tưới nhỏ giọt', 'iot', 'nhà kính', 'châm phân tự động', 'cảm biến độ ẩm'],
    minTrl: 7,
    budget: { min: 600_000_000, max: 1_500_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'lam_dong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'strawberry-tissue-culture-langbiang',
    organizationKey: 'nongnghiep-langbiang',
    title: 'Quy trình nuôi cấy mô nhân giống dâu tây sạch bệnh virus',
    summary: 'Nhận chuyển giao quy trình nuôi cấy mô đỉnh sinh trưởng để sản xuất 500.000 cây dâu tây giống sạch virus mỗi năm.',
    problem:
      'Cây giống dâu tây nhân bằng ngó qua nhiều vụ đã thoái hóa, nhiễm virus làm năng suất giảm 30–40%. ' +
      'Phòng nuôi cấy mô của công ty đang nhân giống hoa nhưng tỷ lệ sống của cây dâu khi ra ngôi chỉ đạt khoảng 55%. ' +
      'Công ty chưa có kỹ thuật xét nghiệm virus để kiểm soát cây mẹ.',
    desiredOutcome:
      'Quy trình hoàn chỉnh từ làm sạch virus, nhân nhanh đến ra ngôi với tỷ lệ sống trên 85%, kèm phương pháp kiểm tra virus cây mẹ. Đào tạo 4 kỹ thuật viên.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['nuôi cấy mô', 'dâu tây', 'giống sạch bệnh', 'vi nhân giống', 'kiểm tra virus'],
    minTrl: 6,
    budget: { min: 500_000_000, max: 1_200_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'assignment', 'consulting'],
    province: 'lam_dong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'salt-tolerant-rice-phusa',
    organizationKey: 'giong-phusa',
    title: 'Đặt hàng chọn tạo giống lúa chịu mặn năng suất cao bằng chỉ thị phân tử',
    summary: 'Đặt hàng giống lúa chịu mặn 4–6‰, thời gian sinh trưởng dưới 100 ngày, gạo đạt chuẩn xuất khẩu cho vùng ven biển.',
    problem:
      'Xâm nhập mặn ở đồng bằng sông Cửu Long ngày càng sâu, khoảng 40.000 ha ruộng của các hợp tác xã liên kết bị thiệt hại trong vụ đông xuân gần nhất. ' +
      'Các giống chịu mặn đang có trên thị trường cho chất lượng gạo thấp, khó xuất khẩu, trong khi giống thơm chủ lực không chịu được mặn trên 3‰.',
    desiredOutcome:
      'Một hoặc hai dòng lúa đã khảo nghiệm, chịu mặn 4–6‰ ở giai đoạn mạ, năng suất từ 6 tấn/ha, được chuyển nhượng độc quyền quyền sản xuất kinh doanh giống.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['lúa chịu mặn', 'chọn giống', 'chỉ thị phân tử', 'xâm nhập mặn', 'giống lúa'],
    minTrl: 5,
    budget: { min: 2_000_000_000, max: 5_000_000_000, currency: 'VND' },
    transferModes: ['license_exclusive', 'co_development'],
    province: 'dong_thap',
    mode: 'call_for_proposals',
    deadlineInDays: 28,
    status: 'published',
  },
  {
    key: 'rice-pest-forecasting-phusa',
    organizationKey: 'giong-phusa',
    title: 'Early warning of rice pests from field images and weather data',
    summary: 'A seed company wants an early-warning service for brown planthopper and rice blast across 40 partner cooperatives.',
    problem:
      'Our partner cooperatives farm about 25,000 ha and spray on fixed calendars, spending some 1.2 million VND per hectare per season on pesticides. ' +
      'Outbreaks of brown planthopper and blast are still detected late, and field staff can visit each field only once every two weeks.',
    desiredOutcome:
      'A model that combines light-trap counts, phone photos and weather data to warn cooperatives 7–10 days ahead, with a simple app in Vietnamese for farmers. ' +
      'A 20% cut in pesticide spraying within two seasons.',
    language: 'en',
    field: 'agricultural_sciences',
    subField: 'crop_science',
    keywords: ['pest forecasting', 'brown planthopper', 'rice blast', 'image recognition', 'early warning'],
    minTrl: 5,
    budget: { min: 2_000_000, max: 5_000_000, currency: 'USD' },
    transferModes: ['license_non_exclusive', 'co_development'],
    province: 'dong_thap',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'pangasius-vaccine-mekong',
    organizationKey: 'thuysan-mekong',
    title: 'Đặt hàng vắc xin phòng bệnh gan thận mủ cho cá tra',
    summary: 'Cần vắc xin (tiêm hoặc ngâm) phòng bệnh gan thận mủ do Edwardsiella ictaluri cho 600 ha vùng nuôi cá tra.',
    problem:
      'Bệnh gan thận mủ làm hao hụt 15–25% cá tra giống mỗi vụ, công ty đang chi khoảng 6 tỷ đồng mỗi năm cho kháng sinh điều trị. ' +
      'Thị trường EU siết chặt dư lượng kháng sinh, hai lô hàng bị cảnh báo năm ngoái. ' +
      'Vắc xin nhập khẩu giá cao và chưa phù hợp với chủng vi khuẩn lưu hành tại địa phương.',
    desiredOutcome:
      'Vắc xin từ chủng phân lập tại đồng bằng sông Cửu Long, hiệu lực bảo hộ trên 70%, đã hoặc sẵn sàng đăng ký lưu hành; giảm ít nhất một nửa lượng kháng sinh sử dụng.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'veterinary_science',
    keywords: ['vắc xin', 'cá tra', 'gan thận mủ', 'giảm kháng sinh', 'thú y thủy sản'],
    minTrl: 6,
    budget: { min: 3_000_000_000, max: 7_000_000_000, currency: 'VND' },
    transferModes: ['license_exclusive', 'co_development'],
    province: 'can_tho',
    mode: 'call_for_proposals',
    deadlineInDays: 10,
    status: 'published',
  },
  {
    key: 'dairy-cow-health-sensors-bavi',
    organizationKey: 'bosua-bavi',
    title: 'Vòng cổ cảm biến phát hiện động dục và bệnh viêm vú cho bò sữa',
    summary: 'Tìm thiết bị đeo và phần mềm theo dõi vận động, nhai lại để phát hiện sớm động dục và viêm vú cho đàn 650 bò sữa.',
    problem:
      'Tỷ lệ phát hiện động dục bằng quan sát chỉ khoảng 55%, khoảng cách giữa hai lứa đẻ kéo dài tới 450 ngày. ' +
      'Viêm vú lâm sàng chiếm 18% số bò vắt sữa mỗi năm, mỗi ca thiệt hại khoảng 6 triệu đồng. ' +
      'Hệ thống nhập khẩu được chào giá trên 5 tỷ đồng, vượt khả năng đầu tư của trang trại.',
    desiredOutcome:
      'Thiết bị giá dưới 1,5 triệu đồng mỗi con, pin trên 2 năm, phát hiện động dục với độ nhạy trên 85% và cảnh báo viêm vú sớm ít nhất 2 ngày.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'animal_dairy_science',
    keywords: ['bò sữa', 'cảm biến', 'phát hiện động dục', 'viêm vú', 'chăn nuôi thông minh'],
    minTrl: 7,
    budget: { min: 400_000_000, max: 900_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'shrimp-pond-water-monitoring',
    organizationKey: 'thuysan-mekong',
    title: 'Quan trắc tự động chất lượng nước ao nuôi tôm',
    summary: 'Cần hệ thống cảm biến đo liên tục oxy hòa tan, pH, độ mặn, nhiệt độ và điều khiển quạt nước cho 120 ao nuôi tôm.',
    problem:
      'Vùng nuôi tôm thẻ chân trắng 120 ao đang đo chất lượng nước thủ công 2 lần mỗi ngày, nhiều lần tôm chết hàng loạt do thiếu oxy vào ban đêm. ' +
      'Quạt nước chạy liên tục làm tiền điện chiếm 20% giá thành. ' +
      'Các cảm biến oxy thử nghiệm trước đây bị bám bẩn, sai số lớn chỉ sau 2 tuần.',
    desiredOutcome:
      'Đo liên tục, cảnh báo qua điện thoại và tự bật tắt quạt nước theo oxy hòa tan; giảm 20% tiền điện; cảm biến chỉ cần vệ sinh, hiệu chuẩn mỗi tháng một lần.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'fisheries',
    keywords: ['nuôi tôm', 'quan trắc nước', 'oxy hòa tan', 'iot', 'quạt nước'],
    minTrl: 7,
    budget: { min: 800_000_000, max: 2_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'can_tho',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'vegetable-postharvest-langbiang',
    organizationKey: 'nongnghiep-langbiang',
    title: 'Bảo quản rau và dâu tây sau thu hoạch cho xuất khẩu đường biển',
    summary: 'Kéo dài thời gian bảo quản rau ăn lá và dâu tây lên 21 ngày để chuyển từ vận chuyển hàng không sang đường biển.',
    problem:
      'Công ty xuất khẩu khoảng 60 tấn rau và dâu tây mỗi tháng sang Nhật Bản và Singapore, toàn bộ bằng đường hàng không với cước khoảng 45.000 đồng/kg. ' +
      'Khi thử vận chuyển bằng container lạnh 14–18 ngày, tỷ lệ hư hỏng lên tới 25%. Thị trường Nhật không chấp nhận chất bảo quản tổng hợp.',
    desiredOutcome:
      'Quy trình sơ chế, làm lạnh nhanh, bao gói khí quyển điều biến hoặc màng phủ sinh học giữ chất lượng 21 ngày với hao hụt dưới 8%.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'other_agricultural',
    keywords: ['bảo quản sau thu hoạch', 'rau xuất khẩu', 'dâu tây', 'bao gói khí quyển điều biến', 'màng phủ sinh học'],
    minTrl: 6,
    budget: { min: 700_000_000, max: 1_600_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'consulting'],
    province: 'lam_dong',
    mode: 'open',
    status: 'published',
  },

  // ── Natural sciences behind them ───────────────────────────────────────────────────────
  {
    key: 'salinity-intrusion-forecast-phusa',
    organizationKey: 'giong-phusa',
    title: 'Mô hình dự báo xâm nhập mặn phục vụ lịch thời vụ lúa',
    summary: 'Cần mô hình dự báo độ mặn trên sông, kênh trước 4–6 tuần để khuyến cáo lịch gieo sạ cho các hợp tác xã liên kết.',
    problem:
      'Các hợp tác xã đang xuống giống theo kinh nghiệm và bản tin chung của tỉnh, không có dự báo cho từng cống, từng tiểu vùng. ' +
      'Vụ đông xuân vừa qua có 6.000 ha phải gieo sạ lại vì mặn lấn sớm hơn dự kiến 3 tuần, thiệt hại khoảng 30 tỷ đồng.',
    desiredOutcome:
      'Mô hình kết hợp số liệu thủy văn, trạm đo mặn và dữ liệu vệ tinh, cho bản đồ dự báo độ mặn hằng tuần ở cấp tiểu vùng với sai số dưới 1‰, kèm hướng dẫn vận hành cho cán bộ kỹ thuật.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'earth_environmental_sciences',
    keywords: ['xâm nhập mặn', 'dự báo độ mặn', 'thủy văn', 'viễn thám', 'lịch thời vụ'],
    minTrl: 4,
    budget: { min: 700_000_000, max: 1_500_000_000, currency: 'VND' },
    transferModes: ['co_development', 'consulting'],
    province: 'dong_thap',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'nano-silver-safety-nanoxanh',
    organizationKey: 'nanoxanh',
    title: 'Đánh giá độ bền và độc tính sinh thái của dung dịch nano bạc',
    summary: 'Doanh nghiệp khởi nghiệp cần đối tác đánh giá độ ổn định và độc tính của nano bạc với tôm, cá và vi sinh vật có lợi trong ao nuôi.',
    problem:
      'Công ty sản xuất thử dung dịch nano bạc 500 ppm dùng khử trùng nước ao nuôi nhưng chưa có dữ liệu về độ ổn định hạt sau 6 tháng lưu kho. ' +
      'Cơ quan quản lý yêu cầu số liệu độc tính cấp tính trên tôm, cá và ảnh hưởng tới vi sinh vật có lợi trước khi xem xét hồ sơ. Ngân sách của công ty còn hạn chế.',
    desiredOutcome:
      'Bộ số liệu phân bố kích thước hạt theo thời gian, LC50 trên tôm thẻ và cá rô phi, đánh giá tích lũy bạc trong thịt, theo phương pháp được phòng thí nghiệm công nhận.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'chemical_sciences',
    keywords: ['nano bạc', 'độc tính sinh thái', 'độ ổn định', 'khử trùng ao nuôi', 'lc50'],
    minTrl: 3,
    budget: { min: 150_000_000, max: 400_000_000, currency: 'VND' },
    transferModes: ['consulting', 'co_development'],
    province: 'thai_nguyen',
    mode: 'open',
    status: 'draft',
  },
];
