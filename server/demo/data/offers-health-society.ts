/** Demo technology offers: health, natural sciences, social sciences and humanities. */
import type { DemoOffer } from './types';

export const OFFERS_HEALTH_SOCIETY: readonly DemoOffer[] = [
  {
    key: 'kit-rt-pcr-dengue-dinh-type',
    organizationKey: 'dhyd-namsaigon',
    title: 'Bộ kit real-time RT-PCR phát hiện và định type virus Dengue',
    summary: 'Bộ kit đa mồi phát hiện và phân biệt 4 type huyết thanh virus sốt xuất huyết Dengue trong một phản ứng.',
    description:
      'Kit dùng mồi và mẫu dò TaqMan thiết kế trên trình tự virus lưu hành tại Việt Nam giai đoạn 2017–2023, kèm chứng nội RNase P để kiểm soát tách chiết. ' +
      'Giới hạn phát hiện 50 bản sao/phản ứng, độ nhạy 97,6% và độ đặc hiệu 99,1% trên 620 mẫu huyết thanh lâm sàng so với kit thương mại nhập khẩu. ' +
      'Kit chạy trên các máy real-time PCR mở phổ biến (CFX96, QuantStudio 5, Rotor-Gene Q), thời gian 75 phút, giá thành dự kiến dưới 180.000 đồng/mẫu. ' +
      'Trường tìm doanh nghiệp sản xuất trang thiết bị chẩn đoán in vitro đạt ISO 13485 để đăng ký lưu hành.',
    language: 'vi',
    field: 'medical_health',
    subField: 'medical_biotechnology',
    keywords: ['sốt xuất huyết', 'dengue', 'real-time pcr', 'chẩn đoán phân tử', 'kit chẩn đoán'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-02941'],
    transferModes: ['license_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 2800000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['chẩn đoán in vitro', 'bệnh viện', 'y tế dự phòng'],
    status: 'published',
  },
  {
    key: 'lamp-lao-tai-cho',
    organizationKey: 'dhkt-hathanh',
    title: 'Thiết bị LAMP cầm tay và bộ thuốc thử phát hiện vi khuẩn lao tại tuyến huyện',
    summary: 'Máy khuếch đại đẳng nhiệt 8 mẫu chạy pin, đọc huỳnh quang tự động, cùng bộ thuốc thử LAMP phát hiện Mycobacterium tuberculosis.',
    description:
      'Thiết bị nặng 1,2 kg, gia nhiệt 65 °C ổn định ±0,3 °C, đọc huỳnh quang theo thời gian thực và trả kết quả trên ứng dụng điện thoại sau 40 phút. ' +
      'Bộ thuốc thử đông khô nhắm trình tự IS6110, bảo quản ở nhiệt độ phòng 6 tháng; tách chiết đơn giản bằng đun sôi, không cần phòng sạch. ' +
      'Trên 410 mẫu đờm tại hai bệnh viện huyện, độ nhạy 91% ở mẫu AFB dương tính và 68% ở mẫu AFB âm tính so với nuôi cấy MGIT. ' +
      'Phiên bản hiện tại chưa phát hiện đột biến kháng thuốc; chi phí mỗi xét nghiệm khoảng 90.000 đồng.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'medical_engineering',
    keywords: ['lao', 'lamp', 'xét nghiệm tại chỗ', 'thiết bị y tế', 'tuyến huyện'],
    trl: 6,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002958'],
    transferModes: ['co_development', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 1300000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['thiết bị y tế', 'y tế cơ sở', 'chẩn đoán in vitro'],
    status: 'published',
  },
  {
    key: 'may-tho-oxy-dong-cao-hfnc',
    organizationKey: 'dhkt-hathanh',
    title: 'Máy thở oxy dòng cao qua gọng mũi (HFNC) sản xuất trong nước',
    summary: 'Thiết bị HFNC lưu lượng 2–60 L/phút, trộn oxy 21–100% và làm ẩm ấm, giá bằng khoảng 40% máy nhập khẩu.',
    description:
      'Tua-bin thổi khí không chổi than và van tỷ lệ điều khiển lưu lượng và FiO2 theo vòng kín với cảm biến oxy siêu âm, sai số FiO2 ±3%. ' +
      'Buồng làm ẩm và dây thở gia nhiệt giữ khí 31–37 °C, độ ẩm tuyệt đối trên 33 mg/L, có báo động tắc nghẽn, mất oxy và mất điện. ' +
      'Nguyên mẫu đã được thử nghiệm đánh giá an toàn điện theo IEC 60601-1 và sử dụng thử trên 46 bệnh nhân suy hô hấp tại một bệnh viện tỉnh. ' +
      'Trường cần đối tác sản xuất để hoàn thiện hồ sơ đăng ký trang thiết bị y tế loại C.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'medical_engineering',
    keywords: ['máy thở', 'hfnc', 'oxy dòng cao', 'thiết bị y tế', 'hồi sức'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2023-04017'],
    transferModes: ['license_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 4500000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['thiết bị y tế', 'bệnh viện'],
    status: 'published',
  },
  {
    key: 'cao-atiso-chuan-hoa-cynarin',
    organizationKey: 'vdlb',
    title: 'Quy trình chiết xuất và chuẩn hóa cao khô atiso theo hàm lượng cynarin',
    summary: 'Chiết xuất lá atiso Lâm Đồng, tinh chế bằng nhựa hấp phụ và sấy phun, cao khô ổn định hàm lượng cynarin và acid chlorogenic.',
    description:
      'Lá atiso trồng theo GACP-WHO được chiết bằng ethanol 50% ở 60 °C, dịch chiết tinh chế qua cột nhựa hấp phụ macroporous để loại đường và tạp chất, sau đó cô chân không và sấy phun với tá dược maltodextrin. ' +
      'Hiệu suất thu cao khô 18–20%, hàm lượng cynarin 2,5% với dao động giữa 10 lô thử nghiệm quy mô 1.000 lít không quá ±8%. ' +
      'Phương pháp định lượng cynarin và acid chlorogenic bằng HPLC-DAD đã được thẩm định theo ICH Q2. ' +
      'Viện chuyển giao quy trình, tiêu chuẩn cơ sở, hồ sơ nghiên cứu độ ổn định và đào tạo cán bộ sản xuất.',
    language: 'vi',
    field: 'medical_health',
    subField: 'pharmacy',
    keywords: ['atiso', 'cynarin', 'chiết xuất dược liệu', 'chuẩn hóa', 'hplc'],
    trl: 7,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'fixed', amount: 1250000000, currency: 'VND' },
    province: 'lam_dong',
    sectors: ['dược phẩm', 'thực phẩm bảo vệ sức khỏe', 'dược liệu'],
    status: 'published',
  },
  {
    key: 'nano-curcumin-tan-trong-nuoc',
    organizationKey: 'vdlb',
    title: 'Nano curcumin tan trong nước dạng mixen, sinh khả dụng cao',
    summary: 'Hệ mixen nano curcumin kích thước 20–40 nm, tan hoàn toàn trong nước, dùng cho thực phẩm bảo vệ sức khỏe và thuốc.',
    description:
      'Curcumin tinh khiết trên 95% chiết từ nghệ vàng được nạp vào mixen polysorbate và lecithin với tỷ lệ tải 10%, tạo hệ phân tán trong suốt bền 24 tháng ở 30 °C. ' +
      'Trên chuột, diện tích dưới đường cong nồng độ – thời gian (AUC) cao gấp 22 lần curcumin thô cùng liều. ' +
      'Quy trình sản xuất không dùng dung môi hữu cơ độc hại, quy mô 50 kg/mẻ tại xưởng GMP thử nghiệm của Viện. ' +
      'Viện đấu giá quyền sử dụng độc quyền sáng chế tại Việt Nam trong 10 năm.',
    language: 'vi',
    field: 'medical_health',
    subField: 'pharmacy',
    keywords: ['nano curcumin', 'sinh khả dụng', 'mixen', 'nghệ', 'thực phẩm bảo vệ sức khỏe'],
    trl: 8,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0026718'],
    transferModes: ['license_exclusive'],
    // Closes 15 minutes after the demo data is loaded, so a fresh `npm start` shows an auction closing by itself.
    pricing: { model: 'auction', amount: 1200000000, currency: 'VND', reservePrice: 1500000000, closesInDays: 15 / (24 * 60) },
    province: 'lam_dong',
    sectors: ['dược phẩm', 'thực phẩm bảo vệ sức khỏe', 'mỹ phẩm'],
    status: 'published',
  },
  {
    key: 'cordycepin-dong-trung-ha-thao',
    organizationKey: 'vdlb',
    title: 'Nuôi cấy đông trùng hạ thảo Cordyceps militaris và chiết xuất cordycepin',
    summary: 'Quy trình nuôi quả thể trên giá thể gạo lứt và tinh chế cordycepin đạt độ tinh khiết trên 90%.',
    description:
      'Chủng C. militaris được chọn lọc và bảo quản bằng đông khô, nuôi quả thể trên giá thể gạo lứt bổ sung nhộng tằm trong phòng điều khiển ánh sáng và nhiệt độ, hàm lượng cordycepin đạt 8–10 mg/g khô. ' +
      'Cordycepin được chiết bằng nước nóng, tinh chế qua nhựa trao đổi ion và kết tinh, độ tinh khiết trên 90% theo HPLC. ' +
      'Quy trình đang ở quy mô 200 kg quả thể tươi/tháng. ' +
      'Hồ sơ chào bán đang được hoàn thiện số liệu độ ổn định.',
    language: 'vi',
    field: 'medical_health',
    subField: 'pharmacy',
    keywords: ['đông trùng hạ thảo', 'cordycepin', 'nuôi cấy nấm', 'chiết xuất', 'dược liệu'],
    trl: 6,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['license_non_exclusive'],
    pricing: { model: 'fixed', amount: 600000000, currency: 'VND' },
    province: 'lam_dong',
    sectors: ['dược liệu', 'thực phẩm bảo vệ sức khỏe'],
    status: 'draft',
  },
  {
    key: 'danh-gia-doc-tinh-tien-lam-sang',
    organizationKey: 'dhyd-namsaigon',
    title: 'Dịch vụ đánh giá độc tính và tác dụng bảo vệ gan tiền lâm sàng cho sản phẩm từ dược liệu',
    summary: 'Nghiên cứu độc tính cấp, bán trường diễn 90 ngày trên chuột và mô hình tổn thương gan, báo cáo theo hướng dẫn của Bộ Y tế và OECD.',
    description:
      'Độc tính cấp được đánh giá theo OECD 423 và độc tính bán trường diễn 90 ngày theo OECD 408 trên chuột cống, gồm huyết học, sinh hóa và mô bệnh học 40 cơ quan. ' +
      'Tác dụng bảo vệ gan được đánh giá trên mô hình tổn thương gan do paracetamol và CCl4, đo ALT, AST, MDA, glutathione và chấm điểm mô bệnh học. ' +
      'Khu nuôi động vật thí nghiệm đạt điều kiện kiểm soát, đã thực hiện hơn 70 nghiên cứu cho doanh nghiệp dược trong 5 năm. ' +
      'Thời gian hoàn thành trọn gói khoảng 5–6 tháng kể từ khi nhận mẫu.',
    language: 'vi',
    field: 'medical_health',
    subField: 'basic_medicine',
    keywords: ['độc tính tiền lâm sàng', 'độc tính bán trường diễn', 'bảo vệ gan', 'dược liệu', 'oecd'],
    trl: 8,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting'],
    pricing: { model: 'fixed', amount: 520000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['dược phẩm', 'thực phẩm bảo vệ sức khỏe'],
    status: 'published',
  },
  {
    key: 'teleconsultation-dicom-platform',
    organizationKey: 'dhkt-hathanh',
    title: 'Tele-consultation platform with DICOM image sharing for hospital networks',
    summary: 'A secure platform for multi-site clinical case conferences with diagnostic-quality imaging, e-minutes and digital signatures.',
    description:
      'Hospitals upload CT, MRI and X-ray studies from their PACS over DICOMweb, and specialists review them in a zero-footprint browser viewer during scheduled video conferences. ' +
      'Consultation minutes are drafted from a structured template, signed with remote digital signatures and written back to the hospital information system through HL7 FHIR. ' +
      'All data are encrypted and hosted in data centres in Vietnam, with an audit trail of every access. ' +
      'The platform has supported about 2,400 consultations between a central hospital in Hanoi and 14 provincial and district hospitals since 2023.',
    language: 'en',
    field: 'medical_health',
    subField: 'health_sciences',
    keywords: ['telemedicine', 'tele-consultation', 'dicom', 'hospital network', 'hl7 fhir'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['4008/2023/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'negotiable', amount: 6500000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['hospitals', 'digital health'],
    status: 'published',
  },
  {
    key: 'suc-khoe-nghe-nghiep-det-may',
    organizationKey: 'dhyd-namsaigon',
    title: 'Chương trình sàng lọc và quản lý bệnh nghề nghiệp cho doanh nghiệp dệt may, da giày',
    summary: 'Bộ công cụ sàng lọc bệnh bụi bông, điếc nghề nghiệp và viêm da tiếp xúc, kèm phần mềm liên kết quan trắc môi trường lao động với hồ sơ sức khỏe.',
    description:
      'Bộ công cụ gồm bảng hỏi triệu chứng hô hấp và da đã chuẩn hóa tiếng Việt, đo chức năng hô hấp bằng phế dung kế, đo thính lực sàng lọc và test áp da với các hóa chất nhuộm thường gặp. ' +
      'Phần mềm gắn kết quả quan trắc bụi, ồn, hơi hóa chất theo vị trí làm việc với hồ sơ từng công nhân, tự đánh dấu người cần khám chuyên khoa. ' +
      'Trường đào tạo nhân viên y tế của doanh nghiệp và đề xuất kế hoạch giảm phơi nhiễm theo từng phân xưởng. ' +
      'Chương trình đã triển khai cho 6 nhà máy với khoảng 11.000 công nhân tại TP. Hồ Chí Minh và Đồng Nai.',
    language: 'vi',
    field: 'medical_health',
    subField: 'health_sciences',
    keywords: ['bệnh nghề nghiệp', 'sức khỏe người lao động', 'dệt may', 'chức năng hô hấp', 'quan trắc môi trường lao động'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['2751/2024/QTG'],
    transferModes: ['consulting', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 350000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['dệt may', 'da giày', 'an toàn vệ sinh lao động'],
    status: 'published',
  },
  {
    key: 'phan-tich-dac-trung-vat-lieu-nano',
    organizationKey: 'dhkt-hathanh',
    title: 'Dịch vụ phân tích đặc trưng vật liệu và hạt nano: XRD, SEM-EDX, TEM, DLS, BET, ICP-MS',
    summary: 'Phòng thí nghiệm đạt ISO/IEC 17025 phân tích cấu trúc, hình thái, kích thước hạt và thành phần nguyên tố của vật liệu.',
    description:
      'Phòng thí nghiệm có nhiễu xạ tia X, kính hiển vi điện tử quét có phổ tán sắc năng lượng, kính hiển vi điện tử truyền qua 200 kV, máy đo tán xạ ánh sáng động và thế zeta, máy đo diện tích bề mặt BET và ICP-MS. ' +
      'Các phép đo kích thước hạt nano và hàm lượng kim loại vết được công nhận ISO/IEC 17025, thời gian trả kết quả 5–10 ngày làm việc. ' +
      'Nhóm chuyên gia tư vấn thiết kế nghiên cứu độ ổn định hạt theo thời gian và diễn giải kết quả cho hồ sơ đăng ký sản phẩm. ' +
      'Mỗi năm phòng phục vụ khoảng 3.500 mẫu cho doanh nghiệp, viện và trường.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'physical_sciences',
    keywords: ['phân tích vật liệu', 'hạt nano', 'kính hiển vi điện tử', 'nhiễu xạ tia x', 'icp-ms'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting'],
    pricing: { model: 'fixed', amount: 45000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['vật liệu', 'hóa chất', 'kiểm nghiệm'],
    status: 'published',
  },
  {
    key: 'doc-tinh-sinh-thai-oecd',
    organizationKey: 'vcnmt',
    title: 'Thử nghiệm độc tính sinh thái của hóa chất và chế phẩm trên cá, giáp xác và vi tảo',
    summary: 'Xác định LC50, EC50 theo hướng dẫn OECD trên loài bản địa và loài nuôi phổ biến, phục vụ hồ sơ đăng ký sản phẩm.',
    description:
      'Phòng thí nghiệm thực hiện thử nghiệm độc tính cấp 96 giờ trên cá rô phi và cá chép (OECD 203), 48 giờ trên Daphnia và tôm thẻ chân trắng giai đoạn post-larvae, và ức chế sinh trưởng vi tảo (OECD 201). ' +
      'Có thể đánh giá thêm ảnh hưởng lên vi khuẩn nitrat hóa và tích lũy kim loại trong mô động vật thí nghiệm. ' +
      'Kết quả được báo cáo theo mẫu của Cục Thủy sản và Kiểm ngư và các cơ quan đăng ký hóa chất. ' +
      'Phòng thí nghiệm đạt ISO/IEC 17025 và đã thử nghiệm hơn 200 mẫu chế phẩm xử lý nước, thuốc thú y thủy sản.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'earth_environmental_sciences',
    keywords: ['độc tính sinh thái', 'lc50', 'thử nghiệm oecd', 'tôm thẻ', 'đăng ký sản phẩm'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting'],
    pricing: { model: 'fixed', amount: 120000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['nuôi trồng thủy sản', 'hóa chất', 'kiểm nghiệm'],
    status: 'published',
  },
  {
    key: 'du-bao-xam-nhap-man-vien-tham',
    organizationKey: 'dh-mekong',
    title: 'Hệ thống dự báo xâm nhập mặn hạn ngắn kết hợp mô hình thủy lực, học máy và ảnh viễn thám',
    summary: 'Bản đồ dự báo độ mặn 7–14 ngày cho từng tiểu vùng và cống, phục vụ lịch thời vụ và vận hành cống ven biển.',
    description:
      'Mô hình thủy lực một chiều cho mạng sông kênh được hiệu chỉnh với 42 trạm đo mặn, kết hợp mô hình học máy hiệu chỉnh sai số theo dự báo thủy triều, lưu lượng thượng nguồn và gió. ' +
      'Ảnh Sentinel-2 và Landsat được dùng để cập nhật hiện trạng gieo trồng và diện tích mặt nước nuôi trồng. ' +
      'Trong mùa khô 2024 và 2025, sai số tuyệt đối trung bình của dự báo 7 ngày là 0,8‰ tại 15 trạm kiểm định. ' +
      'Bản tin dự báo xuất hằng tuần dưới dạng bản đồ web và tin nhắn cho cán bộ hợp tác xã.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'earth_environmental_sciences',
    keywords: ['xâm nhập mặn', 'dự báo độ mặn', 'viễn thám', 'mô hình thủy lực', 'đồng bằng sông cửu long'],
    trl: 6,
    ipStatus: 'copyright',
    ipNumbers: ['3562/2025/QTG'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'negotiable', amount: 800000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['sản xuất lúa gạo', 'thủy lợi', 'phòng chống thiên tai'],
    status: 'published',
  },
  {
    key: 'danh-gia-muc-do-san-sang-cong-nghe',
    organizationKey: 'dhkt-hathanh',
    title: 'Phương pháp và bộ công cụ đánh giá mức độ sẵn sàng công nghệ (TRL) cho kết quả nghiên cứu',
    summary: 'Bộ tiêu chí TRL 1–9 theo từng lĩnh vực, công cụ chấm điểm trực tuyến và quy trình hội đồng đánh giá, dùng trước khi thương mại hóa.',
    description:
      'Bộ tiêu chí chi tiết hóa 9 mức sẵn sàng công nghệ cho 5 nhóm lĩnh vực (cơ khí – điện tử, phần mềm, sinh học – y dược, vật liệu – hóa chất, nông nghiệp), mỗi mức có câu hỏi kiểm tra và minh chứng cần nộp. ' +
      'Công cụ web chấm điểm, vẽ biểu đồ mức sẵn sàng công nghệ, sản xuất và thị trường, chỉ ra khoảng trống cần đầu tư để lên mức tiếp theo. ' +
      'Phương pháp đã dùng để đánh giá 240 kết quả nghiên cứu của các trường đại học và viện, với độ thống nhất giữa các chuyên gia đánh giá (Cohen’s kappa) 0,78. ' +
      'Trường tư vấn áp dụng và đào tạo cán bộ quản lý khoa học, chuyển giao công nghệ.',
    language: 'vi',
    field: 'social_sciences',
    subField: 'economics_business',
    keywords: ['mức độ sẵn sàng công nghệ', 'trl', 'thương mại hóa', 'đánh giá công nghệ', 'chuyển giao công nghệ'],
    trl: 7,
    ipStatus: 'copyright',
    ipNumbers: ['1347/2024/QTG'],
    transferModes: ['consulting', 'license_non_exclusive'],
    pricing: { model: 'fixed', amount: 150000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['quản lý khoa học', 'chuyển giao công nghệ', 'đổi mới sáng tạo'],
    status: 'published',
  },
  {
    key: 'khao-sat-thi-truong-conjoint-capi',
    organizationKey: 'dhxhnv-songhan',
    title: 'Phương pháp khảo sát thị trường và mức độ chấp nhận của người dùng với sản phẩm, dịch vụ mới',
    summary: 'Thiết kế chọn mẫu đại diện, phỏng vấn bằng máy tính bảng (CAPI) và phân tích conjoint để ước lượng nhu cầu và mức sẵn lòng chi trả.',
    description:
      'Nhóm nghiên cứu thiết kế mẫu phân tầng theo địa bàn và nhóm dân cư, thu thập dữ liệu bằng bảng hỏi điện tử trên máy tính bảng có định vị GPS và kiểm tra chất lượng phỏng vấn theo thời gian thực. ' +
      'Phân tích conjoint dựa trên lựa chọn ước lượng mức sẵn lòng chi trả cho từng thuộc tính của sản phẩm, kết hợp phỏng vấn sâu để giải thích rào cản chấp nhận. ' +
      'Kết quả được trình bày trên bản đồ GIS theo phường, xã và nhóm khách hàng. ' +
      'Phương pháp đã dùng trong 14 cuộc khảo sát, cỡ mẫu đến 4.500 hộ, cho doanh nghiệp và chính quyền các tỉnh miền Trung.',
    language: 'vi',
    field: 'social_sciences',
    subField: 'sociology',
    keywords: ['khảo sát thị trường', 'phân tích conjoint', 'chọn mẫu', 'mức sẵn lòng chi trả', 'điều tra hộ gia đình'],
    trl: 8,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting'],
    pricing: { model: 'negotiable', amount: 400000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['nghiên cứu thị trường', 'chính quyền địa phương', 'dịch vụ công'],
    status: 'published',
  },
  {
    key: 'vocational-elearning-simulation',
    organizationKey: 'dhkt-hathanh',
    title: 'E-learning platform for vocational training with 3D simulations and competency-based assessment',
    summary: 'A learning platform for technical trades that combines video lessons, browser-based 3D simulations and practical skills assessment.',
    description:
      'Trainees learn wiring, PLC programming and basic soldering through interactive 3D simulations that run in a web browser on low-cost laptops, with step-by-step scoring of each action. ' +
      'Instructors build competency frameworks, link lessons to each competency and record practical-test results on a tablet checklist, so each trainee has a skills profile. ' +
      'The platform supports SCORM content, offline mode for workshops with poor connectivity, and reports for vocational-college accreditation. ' +
      'Three vocational colleges in Hanoi and Bac Ninh have used it with about 4,200 trainees; time to pass the practical exam fell by a fifth.',
    language: 'en',
    field: 'social_sciences',
    subField: 'educational_sciences',
    keywords: ['e-learning', 'vocational training', '3d simulation', 'competency assessment', 'technical skills'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['6215/2024/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'fixed', amount: 2400000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['vocational education', 'manufacturing workforce'],
    status: 'published',
  },
  {
    key: 'kho-luu-tru-di-san-so',
    organizationKey: 'dhxhnv-songhan',
    title: 'Kho lưu trữ di sản số và trưng bày ảo song ngữ cho bảo tàng, di tích',
    summary: 'Phần mềm quản lý hồ sơ hiện vật số theo chuẩn siêu dữ liệu Dublin Core và IIIF, kèm trang trưng bày ảo Việt – Anh.',
    description:
      'Hệ thống quản lý hồ sơ hiện vật, ảnh độ phân giải cao, mô hình 3D và tư liệu văn bản với siêu dữ liệu theo Dublin Core và CIDOC-CRM, phân quyền biên mục cho từng cán bộ. ' +
      'Ảnh được phục vụ qua giao thức IIIF cho phép phóng to đến từng chi tiết mà không tải toàn bộ tệp gốc, mô hình 3D hiển thị trực tiếp trên trình duyệt. ' +
      'Trang trưng bày ảo song ngữ Việt – Anh có thuyết minh âm thanh và mã QR đặt tại điểm tham quan. ' +
      'Trung tâm Nhân văn số đã triển khai cho 2 bảo tàng cấp tỉnh với khoảng 9.000 hồ sơ hiện vật và đào tạo cán bộ tự biên mục.',
    language: 'vi',
    field: 'humanities',
    subField: 'history_archaeology',
    keywords: ['di sản số', 'kho lưu trữ số', 'bảo tàng', 'trưng bày ảo', 'siêu dữ liệu'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['2933/2024/QTG'],
    transferModes: ['turnkey', 'license_non_exclusive', 'consulting'],
    pricing: { model: 'negotiable', amount: 950000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['bảo tàng', 'du lịch văn hóa', 'quản lý di tích'],
    status: 'published',
  },
  {
    key: 'artefact-3d-scanning-photogrammetry',
    organizationKey: 'dhxhnv-songhan',
    title: '3D scanning and photogrammetry workflow for fragile museum artefacts',
    summary: 'A portable digitisation kit and workflow that produces measurable, colour-accurate 3D models of artefacts without moving them from storage.',
    description:
      'The kit combines a structured-light scanner with 0.05 mm accuracy, a turntable and a cross-polarised photogrammetry rig with colour calibration targets, packed to be used inside museum storerooms. ' +
      'It handles glazed ceramics, bronze and lacquered gilded wood, which are difficult for scanners, by combining scan geometry with photographic texture. ' +
      'A trained team of two digitises 15 to 25 objects a day and exports models for archives, 3D printing of replicas and web viewers. ' +
      'The centre has digitised about 1,100 objects from Cham and Nguyen-dynasty collections and offers training for museum staff.',
    language: 'en',
    field: 'humanities',
    subField: 'history_archaeology',
    keywords: ['3d scanning', 'photogrammetry', 'digital heritage', 'museum artefacts', 'digitisation'],
    trl: 8,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting', 'turnkey'],
    pricing: { model: 'negotiable', amount: 3500000, currency: 'USD' },
    province: 'da_nang',
    sectors: ['museums', 'cultural heritage', 'tourism'],
    status: 'published',
  },
  {
    key: 'nhan-dang-chu-han-nom',
    organizationKey: 'dhxhnv-songhan',
    title: 'Nhận dạng chữ Hán Nôm trên mộc bản, sắc phong và văn bia bằng học sâu',
    summary: 'Công cụ nhận dạng chữ Hán Nôm từ ảnh quét, gợi ý phiên âm Hán Việt và giao diện hiệu đính cho chuyên gia.',
    description:
      'Mô hình phát hiện và nhận dạng ký tự được huấn luyện trên 1,6 triệu ký tự gán nhãn từ mộc bản, sắc phong, gia phả và bản dập văn bia, bao phủ khoảng 11.000 chữ Hán và chữ Nôm. ' +
      'Độ chính xác ký tự đạt 91% với văn bản in khắc và 78% với bản dập văn bia bị mờ; chữ thảo viết tay chưa được hỗ trợ tốt. ' +
      'Hệ thống tự sắp xếp thứ tự đọc theo cột dọc, gợi ý âm Hán Việt và nghĩa từ điển, chuyên gia hiệu đính trên giao diện song song ảnh – văn bản. ' +
      'Kết quả xuất theo chuẩn TEI để tích hợp vào kho lưu trữ số; đã xử lý thử 5.000 trang tư liệu của một dòng họ ở Quảng Nam cũ.',
    language: 'vi',
    field: 'humanities',
    subField: 'languages_literature',
    keywords: ['hán nôm', 'nhận dạng chữ', 'sắc phong', 'văn bia', 'học sâu'],
    trl: 6,
    ipStatus: 'copyright',
    ipNumbers: ['1502/2025/QTG'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 600000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['di sản văn hóa', 'thư viện', 'lưu trữ'],
    status: 'published',
  },
];
