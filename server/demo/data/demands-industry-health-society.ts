/**
 * Demo technology demands (nhu cầu, đặt hàng công nghệ) on mechanical engineering, electronics,
 * digital technology, food, health, the social sciences and heritage.
 */
import type { DemoDemand } from './types';

export const DEMANDS_INDUSTRY_HEALTH_SOCIETY: readonly DemoDemand[] = [
  // ── Mechanical engineering, materials, electronics ─────────────────────────────────────
  {
    key: 'welding-robot-steel-structures',
    organizationKey: 'cokhi-duyenhai',
    title: 'Robot hàn tự động cho kết cấu thép và khung container',
    summary: 'Cần tế bào robot hàn có dò đường hàn bằng cảm biến laser cho dầm thép và khung container sản xuất loạt nhỏ.',
    problem:
      'Xưởng hàn có 60 thợ hàn, sản lượng khoảng 1.200 tấn kết cấu mỗi tháng, tỷ lệ mối hàn phải sửa sau kiểm tra siêu âm khoảng 4%. ' +
      'Thợ hàn tay nghề cao ngày càng khó tuyển, trong khi chi tiết thay đổi theo từng đơn hàng nên robot lập trình cố định không phù hợp. ' +
      'Sai lệch gá đặt phôi có thể tới 3 mm.',
    desiredOutcome:
      'Hai tế bào robot hàn tự dò và bù sai lệch đường hàn, lập trình offline từ bản vẽ 3D, tăng năng suất 2 lần so với hàn tay và tỷ lệ sửa mối hàn dưới 1,5%.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['robot hàn', 'kết cấu thép', 'cảm biến laser', 'lập trình offline', 'tự động hóa'],
    minTrl: 7,
    budget: { min: 3_000_000_000, max: 6_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'co_development'],
    province: 'hai_phong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'cnc-machine-monitoring-oee',
    organizationKey: 'cokhi-duyenhai',
    title: 'Giám sát thời gian thực và tính OEE cho 45 máy CNC',
    summary: 'Kết nối 45 máy CNC nhiều đời, nhiều hãng để giám sát trạng thái, tính hiệu suất thiết bị tổng thể và cảnh báo dừng máy.',
    problem:
      'Xưởng có 45 máy CNC của 6 hãng, trong đó 20 máy đời cũ không có cổng truyền thông. ' +
      'Số liệu thời gian chạy máy đang ghi tay, ban giám đốc ước tính hiệu suất thiết bị chỉ khoảng 45% nhưng không biết máy nào dừng vì lý do gì. ' +
      'Phần mềm nước ngoài được chào giá theo thuê bao hằng năm rất cao và không hỗ trợ máy cũ.',
    desiredOutcome:
      'Bộ thu thập dữ liệu gắn ngoài cho máy cũ, bảng điều khiển OEE theo ca, theo máy, phân loại nguyên nhân dừng máy, tích hợp được với phần mềm ERP hiện có; mua bản quyền vĩnh viễn.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['máy cnc', 'oee', 'giám sát sản xuất', 'iot công nghiệp', 'chuyển đổi số'],
    minTrl: 7,
    budget: { min: 800_000_000, max: 2_000_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'turnkey'],
    province: 'hai_phong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'port-crane-predictive-maintenance',
    organizationKey: 'cokhi-duyenhai',
    title: 'Predictive maintenance for port cranes using vibration analysis',
    summary: 'A crane manufacturer wants a vibration-based condition monitoring kit it can build into the ship-to-shore and yard cranes it supplies.',
    problem:
      'We supply and service 38 cranes at three northern ports, and unplanned gearbox and bearing failures cost our customers up to 25,000 USD per day of downtime. ' +
      'Maintenance is scheduled by operating hours only, and the salt-laden environment shortens sensor life.',
    desiredOutcome:
      'A ruggedised sensor kit and fault-diagnosis software that warns of gearbox and bearing faults at least two weeks ahead, which we can license and integrate into our crane products.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['predictive maintenance', 'vibration analysis', 'port cranes', 'condition monitoring', 'bearing faults'],
    minTrl: 6,
    budget: { min: 4_000_000, max: 10_000_000, currency: 'USD' },
    transferModes: ['co_development', 'license_non_exclusive'],
    province: 'hai_phong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'anticorrosion-coating-port-steel',
    organizationKey: 'cokhi-duyenhai',
    title: 'Lớp phủ chống ăn mòn cho kết cấu thép trong môi trường biển',
    summary: 'Tìm công nghệ phun phủ kim loại hoặc sơn hệ mới kéo dài tuổi thọ lớp bảo vệ của kết cấu thép cảng biển lên 15 năm.',
    problem:
      'Kết cấu thép cảng do công ty chế tạo đang dùng hệ sơn epoxy ba lớp, sau 5–7 năm đã gỉ tại mối hàn và mép cắt, chi phí sơn lại khoảng 450.000 đồng/m². ' +
      'Chủ đầu tư các bến mới yêu cầu bảo hành chống ăn mòn dài hạn theo tiêu chuẩn môi trường ăn mòn rất cao.',
    desiredOutcome:
      'Quy trình phun phủ (ví dụ hợp kim kẽm nhôm bằng hồ quang hoặc plasma) kèm lớp bịt kín, có số liệu thử mù muối trên 3.000 giờ, chuyển giao được cho xưởng của công ty.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'materials_engineering',
    keywords: ['chống ăn mòn', 'phun phủ kim loại', 'kết cấu thép', 'môi trường biển', 'thử mù muối'],
    minTrl: 6,
    budget: { min: 1_000_000_000, max: 2_500_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'consulting'],
    province: 'hai_phong',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'smt-aoi-defect-detection',
    organizationKey: 'dientu-quevo',
    title: 'Đặt hàng hệ thống kiểm tra quang học tự động (AOI) dùng trí tuệ nhân tạo cho dây chuyền SMT',
    summary: 'Cần giải pháp AI giảm báo lỗi giả của máy AOI và phát hiện lỗi mối hàn, linh kiện lệch trên bo mạch sau lò hàn.',
    problem:
      'Tám dây chuyền SMT đang dùng máy AOI theo luật cố định, tỷ lệ báo lỗi giả khoảng 8% nên mỗi ca cần 12 công nhân kiểm tra lại bằng mắt. ' +
      'Lỗi thiếu thiếc, cầu thiếc trên linh kiện 0201 vẫn lọt tới khách hàng, mỗi lần bị khiếu nại phạt khoảng 200 triệu đồng. ' +
      'Dữ liệu ảnh không được đưa ra khỏi nhà máy theo cam kết bảo mật với khách hàng.',
    desiredOutcome:
      'Mô hình chạy tại chỗ, đọc ảnh từ máy AOI hiện có, giảm báo lỗi giả xuống dưới 2% mà không bỏ sót lỗi thật; có công cụ để kỹ sư nhà máy tự gán nhãn và huấn luyện lại.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['smt', 'aoi', 'thị giác máy tính', 'kiểm tra bo mạch', 'trí tuệ nhân tạo'],
    minTrl: 6,
    budget: { min: 2_000_000_000, max: 4_500_000_000, currency: 'VND' },
    transferModes: ['co_development', 'license_non_exclusive'],
    province: 'bac_ninh',
    mode: 'call_for_proposals',
    deadlineInDays: 3,
    status: 'published',
  },
  {
    key: 'agv-intralogistics-quevo',
    organizationKey: 'dientu-quevo',
    title: 'Xe tự hành AGV vận chuyển linh kiện trong nhà máy điện tử',
    summary: 'Cần đội xe tự hành dẫn đường bằng laser và phần mềm điều phối để cấp linh kiện từ kho tới 8 dây chuyền SMT.',
    problem:
      'Mỗi ca có 14 công nhân đẩy xe cấp cuộn linh kiện và nhận thành phẩm, quãng đường khoảng 18 km mỗi người mỗi ca. ' +
      'Cấp linh kiện trễ làm dừng dây chuyền trung bình 35 phút mỗi ngày. ' +
      'Lối đi hẹp 1,6 m và có người qua lại thường xuyên; sàn nhà xưởng không được dán băng từ.',
    desiredOutcome:
      'Sáu đến tám xe AGV tải 300 kg, dẫn đường không cần băng từ, kết nối với hệ thống quản lý kho, giảm 70% nhân công vận chuyển nội bộ, đáp ứng tiêu chuẩn an toàn.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['agv', 'xe tự hành', 'logistics nội bộ', 'dẫn đường laser', 'nhà máy thông minh'],
    minTrl: 7,
    budget: { min: 1_500_000_000, max: 3_000_000_000, currency: 'VND' },
    transferModes: ['turnkey'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'lora-sensor-node-design',
    organizationKey: 'vietsense',
    title: 'Low-power LoRaWAN sensor node for farms and factories',
    summary: 'An IoT company seeks a partner to co-design a low-cost, low-power LoRaWAN sensor node that can be manufactured in Vietnam.',
    problem:
      'We deploy about 8,000 sensor nodes a year on farms and in factories, using imported boards at around 45 USD each, and their batteries last only 8–10 months. ' +
      'Supply delays of up to 16 weeks have held up projects, and the boards cannot be repaired or customised locally.',
    desiredOutcome:
      'A hardware design whose rights we own outright, with a bill of materials under 18 USD, a five-year battery life at a 15-minute reporting interval, IP67 housing and firmware we own, ready for assembly by a Vietnamese EMS partner.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['lorawan', 'sensor node', 'low power', 'embedded systems', 'iot hardware'],
    minTrl: 5,
    budget: { min: 3_000_000, max: 8_000_000, currency: 'USD' },
    transferModes: ['co_development', 'license_exclusive'],
    province: 'ho_chi_minh',
    mode: 'open',
    status: 'published',
  },

  // ── Digital technology and food ────────────────────────────────────────────────────────
  {
    key: 'batch-record-ocr-ankhang',
    organizationKey: 'duoc-ankhang',
    title: 'Số hóa hồ sơ lô sản xuất bằng nhận dạng chữ viết tay (OCR) và AI',
    summary: 'Cần giải pháp OCR đọc hồ sơ lô sản xuất viết tay tiếng Việt, trích xuất thông số và kiểm tra sai lệch theo GMP.',
    problem:
      'Nhà máy lưu khoảng 250.000 trang hồ sơ lô sản xuất mỗi năm, phần lớn điền tay; mỗi lần thanh tra hoặc truy xuất một lô mất 2–3 ngày tìm kiếm. ' +
      'Nhân viên đảm bảo chất lượng mất khoảng 40% thời gian để soát lỗi ghi chép. ' +
      'Dữ liệu phải lưu trên máy chủ của công ty và đáp ứng yêu cầu toàn vẹn dữ liệu của GMP.',
    desiredOutcome:
      'Hệ thống nhận dạng chữ viết tay và chữ in tiếng Việt với độ chính xác trường số liệu trên 95%, tự đánh dấu giá trị ngoài giới hạn, tìm kiếm toàn văn và có nhật ký kiểm toán.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['ocr', 'nhận dạng chữ viết tay', 'số hóa hồ sơ', 'trí tuệ nhân tạo', 'gmp'],
    minTrl: 6,
    budget: { min: 500_000_000, max: 1_200_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'turnkey'],
    province: 'hung_yen',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'genebank-information-system',
    organizationKey: 'vdtnn',
    title: 'Hệ thống thông tin quản lý ngân hàng gen cây trồng',
    summary: 'Viện cần phần mềm quản lý hơn 3.000 mẫu nguồn gen, dữ liệu kiểu hình, kiểu gen và trao đổi dữ liệu theo chuẩn quốc tế.',
    problem:
      'Dữ liệu của ngân hàng gen đang nằm trong hàng trăm tệp bảng tính của nhiều nhóm nghiên cứu, trùng lặp và không thống nhất mã mẫu. ' +
      'Viện không trả lời kịp các yêu cầu trao đổi nguồn gen và khó báo cáo theo mẫu của cơ quan quản lý. ' +
      'Dữ liệu kiểu gen từ chip SNP mỗi năm tăng khoảng 200 GB.',
    desiredOutcome:
      'Phần mềm quản lý mẫu, kho lạnh, kết quả đánh giá kiểu hình và kiểu gen, xuất dữ liệu theo bộ mô tả chuẩn quốc tế, phân quyền theo nhóm và cho phép tra cứu công khai danh mục.',
    language: 'vi',
    field: 'natural_sciences',
    subField: 'computer_information_sciences',
    keywords: ['ngân hàng gen', 'cơ sở dữ liệu', 'tin sinh học', 'quản lý mẫu', 'dữ liệu kiểu gen'],
    minTrl: 6,
    budget: { min: 400_000_000, max: 900_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'yogurt-shelf-life-bavi',
    organizationKey: 'bosua-bavi',
    title: 'Kéo dài hạn sử dụng sữa chua không dùng chất bảo quản',
    summary: 'Xưởng chế biến sữa cần chủng khởi động và quy trình giúp sữa chua giữ chất lượng 45 ngày mà không thêm chất bảo quản.',
    problem:
      'Sữa chua của trang trại chỉ giữ được 21 ngày, sau đó bị chua gắt và tách nước, nên không vào được các chuỗi siêu thị yêu cầu hạn tối thiểu 40 ngày. ' +
      'Mỗi tháng xưởng hủy khoảng 2 tấn sản phẩm hết hạn tại các điểm bán.',
    desiredOutcome:
      'Chủng khởi động hoặc chủng bảo vệ hạn chế hậu axit hóa, quy trình xử lý nhiệt và bao gói phù hợp, giữ cảm quan ổn định 45 ngày ở 4–6 °C.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'food_beverage_engineering',
    keywords: ['sữa chua', 'chủng khởi động', 'hạn sử dụng', 'chế biến sữa', 'lên men'],
    minTrl: 6,
    budget: { min: 300_000_000, max: 700_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'consulting'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },

  // ── Health ─────────────────────────────────────────────────────────────────────────────
  {
    key: 'artichoke-extract-standardisation',
    organizationKey: 'duoc-ankhang',
    title: 'Quy trình chiết xuất cao atiso chuẩn hóa hàm lượng cynarin',
    summary: 'Nhận chuyển giao quy trình chiết xuất và sấy phun cao khô atiso đạt hàm lượng cynarin ổn định giữa các lô cho thuốc bảo vệ gan.',
    problem:
      'Công ty đang mua cao atiso từ nhiều nguồn, hàm lượng hoạt chất dao động 0,3–1,2% nên khó đạt tiêu chuẩn cơ sở của thuốc. ' +
      'Xưởng chiết xuất có sẵn nồi chiết 1.000 lít và máy sấy phun nhưng chưa có quy trình tối ưu, hiệu suất thu cao thấp. ' +
      'Công ty cần hồ sơ đủ để đăng ký thay đổi nguồn nguyên liệu với cơ quan quản lý dược.',
    desiredOutcome:
      'Quy trình chiết xuất, tinh chế, sấy phun và phương pháp định lượng bằng HPLC đã thẩm định, hàm lượng cynarin dao động không quá ±10% giữa các lô, kèm đào tạo và hồ sơ kỹ thuật.',
    language: 'vi',
    field: 'medical_health',
    subField: 'pharmacy',
    keywords: ['dược liệu', 'chiết xuất', 'atiso', 'chuẩn hóa', 'hplc'],
    minTrl: 5,
    budget: { min: 1_500_000_000, max: 3_000_000_000, currency: 'VND' },
    transferModes: ['license_exclusive', 'assignment'],
    province: 'hung_yen',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'preclinical-safety-ankhang',
    organizationKey: 'duoc-ankhang',
    title: 'Pre-clinical safety studies for a herbal hepatoprotective product',
    summary: 'A herbal medicine maker needs acute and sub-chronic toxicity studies and a hepatoprotective efficacy model for a new formulation.',
    problem:
      'Our new formulation combines three standardised herbal extracts and cannot be registered without pre-clinical safety data. ' +
      'Local laboratories quoted waiting times of over nine months, and the registration dossier must follow current national and WHO guidance.',
    desiredOutcome:
      'Acute and 90-day sub-chronic toxicity studies in rodents and an efficacy study in a liver-injury model, reported in a format the drug authority accepts, within six months.',
    language: 'en',
    field: 'medical_health',
    subField: 'basic_medicine',
    keywords: ['preclinical toxicology', 'herbal medicine', 'hepatoprotective', 'drug registration'],
    minTrl: 4,
    budget: { min: 2_500_000, max: 6_000_000, currency: 'USD' },
    transferModes: ['consulting'],
    province: 'hung_yen',
    mode: 'open',
    status: 'pending_review',
  },
  {
    key: 'tb-pcr-kit-namsaigon',
    organizationKey: 'dhyd-namsaigon',
    title: 'Bộ kit real-time PCR phát hiện lao và lao kháng thuốc giá thấp',
    summary: 'Bệnh viện thực hành của trường cần bộ kit chẩn đoán lao và đột biến kháng rifampicin sản xuất trong nước cho mạng lưới bệnh viện vệ tinh.',
    problem:
      'Mạng lưới bệnh viện vệ tinh xét nghiệm khoảng 25.000 mẫu nghi lao mỗi năm, hộp xét nghiệm nhập khẩu giá khoảng 450.000 đồng mỗi mẫu và thường xuyên thiếu hàng. ' +
      'Nhiều bệnh viện tuyến tỉnh đã có máy real-time PCR mở nhưng không có kit phù hợp đã được cấp phép.',
    desiredOutcome:
      'Bộ kit phát hiện vi khuẩn lao và đột biến kháng rifampicin, độ nhạy trên 90% so với nuôi cấy, chạy được trên các máy real-time PCR phổ biến, giá dưới 200.000 đồng mỗi mẫu.',
    language: 'vi',
    field: 'medical_health',
    subField: 'medical_biotechnology',
    keywords: ['kit chẩn đoán', 'real-time pcr', 'bệnh lao', 'kháng thuốc', 'sinh học phân tử'],
    minTrl: 5,
    budget: { min: 1_000_000_000, max: 2_500_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'co_development'],
    province: 'ho_chi_minh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'telemedicine-satellite-hospitals',
    organizationKey: 'dhyd-namsaigon',
    title: 'Nền tảng hội chẩn từ xa cho mạng lưới bệnh viện vệ tinh',
    summary: 'Cần nền tảng khám chữa bệnh từ xa kết nối bệnh viện thực hành với 14 bệnh viện vệ tinh, chia sẻ ảnh chẩn đoán và hồ sơ bệnh án.',
    problem:
      'Mỗi tháng có khoảng 300 ca hội chẩn giữa bệnh viện thực hành và các bệnh viện tuyến tỉnh, chủ yếu qua ứng dụng nhắn tin và gọi video thông thường. ' +
      'Ảnh chụp cắt lớp và X-quang phải gửi dưới dạng ảnh chụp màn hình, chất lượng kém, không lưu vết và không đảm bảo bảo mật dữ liệu người bệnh.',
    desiredOutcome:
      'Nền tảng hội chẩn có chia sẻ ảnh DICOM, biên bản hội chẩn điện tử có chữ ký số, lịch hẹn và kết nối với hệ thống thông tin bệnh viện; dữ liệu lưu tại Việt Nam.',
    language: 'vi',
    field: 'medical_health',
    subField: 'clinical_medicine',
    keywords: ['khám chữa bệnh từ xa', 'hội chẩn', 'dicom', 'bệnh án điện tử', 'y tế số'],
    minTrl: 7,
    budget: { min: 1_500_000_000, max: 3_500_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'ho_chi_minh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'occupational-health-screening-kinhbac',
    organizationKey: 'detnhuom-kinhbac',
    title: 'Chương trình tầm soát bệnh nghề nghiệp cho công nhân dệt nhuộm',
    summary: 'Cần phương pháp và công cụ tầm soát bệnh bụi phổi bông, điếc nghề nghiệp và viêm da tiếp xúc cho 2.100 công nhân.',
    problem:
      'Khám sức khỏe định kỳ hiện chỉ phát hiện bệnh ở giai đoạn muộn; năm ngoái có 37 trường hợp nghỉ việc dài ngày vì bệnh đường hô hấp và da. ' +
      'Nhà máy không có bác sĩ chuyên khoa nghề nghiệp và số liệu quan trắc môi trường lao động chưa được liên kết với hồ sơ sức khỏe từng công nhân.',
    desiredOutcome:
      'Bộ công cụ sàng lọc (bảng hỏi, đo chức năng hô hấp, đo thính lực) phù hợp với nhà máy, phần mềm theo dõi sức khỏe theo vị trí làm việc và kế hoạch can thiệp giảm phơi nhiễm.',
    language: 'vi',
    field: 'medical_health',
    subField: 'health_sciences',
    keywords: ['sức khỏe nghề nghiệp', 'bệnh bụi phổi bông', 'tầm soát', 'công nhân dệt may', 'an toàn lao động'],
    minTrl: 6,
    budget: { min: 300_000_000, max: 800_000_000, currency: 'VND' },
    transferModes: ['consulting'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'published',
  },

  // ── Social sciences ────────────────────────────────────────────────────────────────────
  {
    key: 'smt-workforce-skills-assessment',
    organizationKey: 'dientu-quevo',
    title: 'Phương pháp đánh giá kỹ năng nghề cho công nhân lắp ráp điện tử',
    summary: 'Doanh nghiệp cần khung năng lực và phương pháp đánh giá kỹ năng nghề để tuyển dụng, đào tạo và trả lương cho 1.200 công nhân SMT.',
    problem:
      'Tỷ lệ công nhân nghỉ việc trong 3 tháng đầu khoảng 35%, chi phí tuyển dụng và đào tạo lại ước tính 4 tỷ đồng mỗi năm. ' +
      'Việc xếp bậc thợ đang dựa vào thâm niên và nhận xét của tổ trưởng, công nhân cho rằng thiếu công bằng. ' +
      'Công ty chưa có dữ liệu nào liên kết kỹ năng với năng suất và tỷ lệ lỗi.',
    desiredOutcome:
      'Khung năng lực cho 6 vị trí chủ chốt, bài đánh giá thực hành và trắc nghiệm đã kiểm định độ tin cậy, hướng dẫn gắn kết quả đánh giá với lộ trình đào tạo và thang lương.',
    language: 'vi',
    field: 'social_sciences',
    subField: 'educational_sciences',
    keywords: ['đánh giá kỹ năng', 'khung năng lực', 'đào tạo nghề', 'nguồn nhân lực', 'công nhân điện tử'],
    minTrl: 5,
    budget: { min: 400_000_000, max: 900_000_000, currency: 'VND' },
    transferModes: ['consulting', 'co_development'],
    province: 'bac_ninh',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'waste-sorting-behaviour-danang',
    organizationKey: 'moitruong-songhan',
    title: 'Nghiên cứu và truyền thông thay đổi hành vi phân loại rác tại nguồn',
    summary: 'Cần điều tra xã hội học và chiến dịch truyền thông nâng tỷ lệ hộ gia đình phân loại rác đúng tại nguồn.',
    problem:
      'Sau một năm triển khai, chỉ khoảng 38% hộ gia đình phân loại rác đúng, rác hữu cơ lẫn nhiều nhựa làm hỏng mẻ ủ phân compost. ' +
      'Các tờ rơi và loa phát thanh không còn hiệu quả, công ty không biết nhóm dân cư nào cần ưu tiên và rào cản thực sự là gì.',
    desiredOutcome:
      'Khảo sát đại diện 3.000 hộ, phân tích rào cản theo nhóm dân cư, thiết kế và thử nghiệm can thiệp truyền thông tại 2 phường, nâng tỷ lệ phân loại đúng lên trên 60%.',
    language: 'vi',
    field: 'social_sciences',
    subField: 'sociology',
    keywords: ['điều tra xã hội học', 'phân loại rác tại nguồn', 'thay đổi hành vi', 'truyền thông', 'chất thải rắn'],
    minTrl: 4,
    budget: { min: 600_000_000, max: 1_200_000_000, currency: 'VND' },
    transferModes: ['consulting'],
    province: 'da_nang',
    mode: 'open',
    status: 'published',
  },
  {
    key: 'technology-valuation-method',
    organizationKey: 'ketnoi-congnghe',
    title: 'Valuation method for early-stage university technologies',
    summary: 'A technology broker seeks a documented valuation method and tool for pricing licences of university and institute technologies at TRL 3–6.',
    problem:
      'Our brokers price about 40 licence deals a year, and sellers and buyers often disagree by a factor of three because early-stage technologies lack comparable transactions. ' +
      'Valuation reports must be defensible in state-funded transfers, yet cost-based methods undervalue patents and income-based methods rest on guesses.',
    desiredOutcome:
      'A valuation method combining cost, market and royalty-rate approaches adapted to Vietnamese data, a spreadsheet or web tool, and training for six brokers.',
    language: 'en',
    field: 'social_sciences',
    subField: 'economics_business',
    keywords: ['technology valuation', 'licensing', 'royalty rates', 'technology transfer', 'intellectual property'],
    minTrl: 3,
    budget: { min: 1_500_000, max: 4_000_000, currency: 'USD' },
    transferModes: ['consulting', 'co_development'],
    province: 'ha_noi',
    mode: 'open',
    status: 'published',
  },

  // ── Humanities and heritage ────────────────────────────────────────────────────────────
  {
    key: 'museum-digital-archive-hue',
    organizationKey: 'disan-codo',
    title: 'Đặt hàng xây dựng kho lưu trữ số cho bảo tàng và di tích cố đô',
    summary: 'Số hóa 3D và xây dựng kho lưu trữ số cho khoảng 4.000 hiện vật, tư liệu của bảo tàng và các di tích công ty đang khai thác.',
    problem:
      'Bảo tàng đối tác lưu giữ khoảng 4.000 hiện vật gốm, đồng, gỗ sơn son thếp vàng và tư liệu ảnh cũ, hồ sơ hiện vật vẫn là phiếu giấy. ' +
      'Nhiều hiện vật xuống cấp do độ ẩm cao, không được di chuyển khỏi kho, và một số ảnh tư liệu chỉ còn một bản duy nhất. ' +
      'Khách tham quan, nhất là khách quốc tế, yêu cầu nội dung trực tuyến mà công ty chưa có.',
    desiredOutcome:
      'Quy trình và thiết bị số hóa 3D, ảnh độ phân giải cao cho hiện vật, kho lưu trữ số theo chuẩn siêu dữ liệu di sản, trang trưng bày ảo song ngữ và đào tạo cán bộ bảo tàng tự số hóa.',
    language: 'vi',
    field: 'humanities',
    subField: 'history_archaeology',
    keywords: ['số hóa di sản', 'bảo tàng', 'kho lưu trữ số', 'quét 3d', 'trưng bày ảo'],
    minTrl: 6,
    budget: { min: 1_200_000_000, max: 3_000_000_000, currency: 'VND' },
    transferModes: ['turnkey', 'license_non_exclusive'],
    province: 'hue',
    mode: 'call_for_proposals',
    deadlineInDays: 14,
    status: 'published',
  },
  {
    key: 'han-nom-ocr-hue',
    organizationKey: 'disan-codo',
    title: 'Nhận dạng và phiên âm văn bản Hán Nôm trên sắc phong, văn bia',
    summary: 'Cần công cụ OCR chữ Hán Nôm và gợi ý phiên âm, dịch nghĩa cho khoảng 12.000 trang sắc phong, gia phả và bản dập văn bia.',
    problem:
      'Các di tích và dòng họ ở Huế lưu giữ khoảng 12.000 trang sắc phong, gia phả và bản dập văn bia bằng chữ Hán Nôm, chỉ vài chuyên gia đọc được. ' +
      'Phiên âm, dịch nghĩa thủ công tốn khoảng 150.000 đồng mỗi trang và mất nhiều năm; nhiều văn bản mờ, rách, viết theo lối chữ thảo.',
    desiredOutcome:
      'Công cụ nhận dạng chữ Hán Nôm với độ chính xác ký tự trên 85% trên văn bản in khắc, gợi ý phiên âm Hán Việt và bản dịch nháp để chuyên gia hiệu đính, tích hợp với kho lưu trữ số.',
    language: 'vi',
    field: 'humanities',
    subField: 'languages_literature',
    keywords: ['hán nôm', 'ocr', 'số hóa di sản', 'phiên âm', 'văn bia'],
    minTrl: 5,
    budget: { min: 500_000_000, max: 1_200_000_000, currency: 'VND' },
    transferModes: ['license_non_exclusive', 'co_development'],
    province: 'hue',
    mode: 'open',
    status: 'published',
  },
];
