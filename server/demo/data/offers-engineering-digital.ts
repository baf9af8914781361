/** Demo technology offers: mechanical engineering, electronics, automation, materials, nanotechnology, digital technology and civil engineering. */
import type { DemoOffer } from './types';

export const OFFERS_ENGINEERING_DIGITAL: readonly DemoOffer[] = [
  {
    key: 'cnc-oee-thu-thap-du-lieu',
    organizationKey: 'vchtd',
    title: 'Bộ thu thập dữ liệu máy CNC và phần mềm giám sát OEE cho xưởng cơ khí',
    summary: 'Thiết bị gắn ngoài đọc trạng thái máy CNC cũ và mới, phần mềm tính OEE và phân loại nguyên nhân dừng máy theo ca.',
    description:
      'Với máy có bộ điều khiển Fanuc, Siemens, Mitsubishi, Heidenhain, phần mềm đọc trực tiếp qua FOCAS, OPC UA và MTConnect; với máy đời cũ, bộ thu thập gắn ngoài đo dòng điện trục chính và tín hiệu đèn tháp để suy ra trạng thái chạy, chờ, dừng. ' +
      'Công nhân chọn nguyên nhân dừng máy trên máy tính bảng cạnh máy, phần mềm tính OEE theo máy, ca, đơn hàng và xuất dữ liệu qua REST API sang ERP. ' +
      'Tại một xưởng 32 máy ở Đà Nẵng, OEE tăng từ 48% lên 63% sau 6 tháng nhờ phát hiện thời gian chờ phôi và chờ dao. ' +
      'Bản quyền vĩnh viễn, cài trên máy chủ của khách hàng.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['oee', 'giám sát máy cnc', 'chuyển đổi số sản xuất', 'iot công nghiệp', 'mes'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['2206/2024/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'fixed', amount: 450000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['cơ khí chế tạo', 'sản xuất công nghiệp'],
    status: 'published',
  },
  {
    key: 'robot-han-do-duong-laser',
    organizationKey: 'vchtd',
    title: 'Tế bào robot hàn MAG có cảm biến laser dò đường hàn cho kết cấu thép',
    summary: 'Robot hàn 6 trục tự dò và bù sai lệch đường hàn, lập trình offline từ mô hình 3D, cho dầm và khung thép đơn chiếc.',
    description:
      'Cảm biến laser dạng vạch quét mép vát trước khi hàn và bám đường hàn theo thời gian thực, bù được sai lệch gá đặt đến ±5 mm. ' +
      'Phần mềm lập trình offline nhập mô hình Tekla hoặc STEP, tự sinh quỹ đạo và thông số hàn cho mối hàn góc và hàn nhiều lớp, giảm thời gian lập trình xuống dưới 15 phút mỗi chi tiết. ' +
      'Nguyên mẫu tại xưởng thực nghiệm của Viện hàn dầm H 600 mm với năng suất gấp 2,3 lần hàn tay và tỷ lệ khuyết tật siêu âm 1,2%. ' +
      'Viện cần doanh nghiệp đồng phát triển để hoàn thiện đồ gá và thử nghiệm trong sản xuất loạt.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['robot hàn', 'dò đường hàn laser', 'kết cấu thép', 'lập trình offline', 'tự động hóa'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-04458'],
    transferModes: ['co_development', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 3600000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['cơ khí chế tạo', 'kết cấu thép', 'đóng tàu'],
    status: 'published',
  },
  {
    key: 'vibration-predictive-maintenance',
    organizationKey: 'vchtd',
    title: 'Vibration-based predictive maintenance kit for gearboxes and bearings',
    summary: 'Wireless vibration sensors and diagnosis software that flag bearing and gear faults weeks before failure.',
    description:
      'Triaxial MEMS accelerometers sampling at 25.6 kHz are housed in stainless-steel IP68 enclosures with marine-grade coating and report over a mesh network to an edge gateway. ' +
      'The software computes envelope spectra and order tracking for variable-speed drives and uses a model trained on 1,400 run-to-failure records to estimate the remaining useful life of bearings and gears. ' +
      'On conveyors and ship loaders at a port in Da Nang, it warned of 9 of 10 bearing failures 3 to 6 weeks ahead over an 18-month trial. ' +
      'The kit can be licensed for integration into an equipment maker’s own products, with an SDK and white-label dashboard.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['predictive maintenance', 'vibration analysis', 'bearing fault', 'gearbox', 'remaining useful life'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2025-01163'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 8000000, currency: 'USD' },
    province: 'da_nang',
    sectors: ['ports', 'heavy machinery', 'manufacturing'],
    status: 'published',
  },
  {
    key: 'may-gat-dap-banh-xich-mini',
    organizationKey: 'vchtd',
    title: 'Máy gặt đập liên hợp cỡ nhỏ bánh xích cho ruộng bậc thang và ruộng lầy',
    summary: 'Máy gặt đập 0,9 m cắt, động cơ 25 mã lực, tháo rời vận chuyển được lên ruộng bậc thang miền núi.',
    description:
      'Máy có bề rộng cắt 0,9 m, khối lượng 780 kg, áp suất lên nền 14 kPa nhờ bánh xích cao su rộng, làm việc được trên ruộng lầy sâu 25 cm. ' +
      'Bộ đập dọc trục kiểu răng và sàng lắc cho tỷ lệ tổn thất hạt dưới 2,5%, năng suất 0,12–0,15 ha/giờ. ' +
      'Máy tháo thành 3 cụm dưới 300 kg để chuyển qua bờ ruộng cao. ' +
      'Đã khảo nghiệm 2 vụ tại Lào Cai và Điện Biên; tỷ lệ nội địa hóa trên 70%.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'mechanical_engineering',
    keywords: ['máy gặt đập', 'cơ giới hóa nông nghiệp', 'ruộng bậc thang', 'máy nông nghiệp', 'miền núi'],
    trl: 7,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002603'],
    transferModes: ['license_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 1500000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['máy nông nghiệp', 'sản xuất lúa gạo', 'miền núi'],
    status: 'published',
  },
  {
    key: 'aoi-smt-hoc-sau',
    organizationKey: 'dhkt-hathanh',
    title: 'Mô hình học sâu giảm báo lỗi giả cho máy kiểm tra quang học AOI dây chuyền SMT',
    summary: 'Phần mềm chạy tại nhà máy, đọc ảnh từ máy AOI hiện có và phân loại lại lỗi thật, lỗi giả ở mối hàn linh kiện.',
    description:
      'Mô hình phân loại ảnh mối hàn được huấn luyện trên 420.000 ảnh từ 3 dây chuyền SMT, nhận diện thiếu thiếc, cầu thiếc, lệch, dựng đứng và thiếu linh kiện đến kích thước 0201. ' +
      'Khi đặt sau máy AOI theo luật, tỷ lệ báo lỗi giả giảm từ 7,5% xuống 1,6% với tỷ lệ bỏ sót lỗi thật dưới 20 ppm trên tập kiểm định. ' +
      'Phần mềm chạy trên máy chủ GPU đặt tại nhà máy, có công cụ gán nhãn và huấn luyện lại để kỹ sư tự cập nhật khi có mã sản phẩm mới. ' +
      'Đã thử nghiệm 4 tháng tại một nhà máy lắp ráp bo mạch ở Bắc Ninh.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['aoi', 'smt', 'học sâu', 'kiểm tra mối hàn', 'báo lỗi giả'],
    trl: 6,
    ipStatus: 'copyright',
    ipNumbers: ['4417/2025/QTG'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 1100000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['lắp ráp điện tử', 'kiểm soát chất lượng'],
    status: 'published',
  },
  {
    key: 'agv-lidar-slam',
    organizationKey: 'dhkt-hathanh',
    title: 'Xe tự hành AGV định vị bằng LiDAR SLAM cho kho và dây chuyền sản xuất',
    summary: 'AGV tải 300–500 kg dẫn đường tự nhiên bằng LiDAR, không cần băng từ, điều phối nhiều xe và kết nối WMS.',
    description:
      'Xe dùng LiDAR 2D và camera độ sâu để lập bản đồ và định vị với sai số ±10 mm, tự tránh người và vật cản, giảm tốc ở lối đi hẹp đến 1,4 m. ' +
      'Phần mềm điều phối quản lý đến 20 xe, nhận lệnh từ WMS/MES qua REST API và tự gọi thang máy, cửa tự động. ' +
      'Xe đạt các yêu cầu an toàn chính của ISO 3691-4 với cảm biến vùng bảo vệ và nút dừng khẩn. ' +
      'Năm xe đã vận hành 8 tháng tại một nhà máy linh kiện ở Hưng Yên, thay thế 9 công nhân vận chuyển mỗi ca.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['agv', 'robot tự hành', 'lidar slam', 'logistics nội bộ', 'tự động hóa kho'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-06391'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'fixed', amount: 620000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['điện tử', 'kho vận', 'sản xuất công nghiệp'],
    status: 'published',
  },
  {
    key: 'phun-phu-zn-al-chong-an-mon',
    organizationKey: 'vchtd',
    title: 'Phun phủ nhiệt hồ quang hợp kim kẽm-nhôm kèm lớp bịt kín chống ăn mòn kết cấu thép vùng biển',
    summary: 'Lớp phủ Zn15Al phun hồ quang dày 200 µm cùng lớp bịt kín epoxy-silan, bảo vệ kết cấu thép trong môi trường C5 trên 25 năm.',
    description:
      'Bề mặt thép được phun hạt làm sạch đến Sa 3, phun hồ quang dây Zn15Al đạt chiều dày 200–250 µm, sau đó bịt kín lỗ xốp bằng epoxy-silan và phủ lớp polyurethane hoàn thiện. ' +
      'Mẫu thử mù muối theo ISO 9227 đạt 4.000 giờ không xuất hiện gỉ đỏ, độ bám dính kéo bứt trên 8 MPa. ' +
      'Quy trình có hướng dẫn xử lý riêng cho mối hàn và mép cắt, nơi hệ sơn thông thường thường hỏng sớm. ' +
      'Viện chuyển giao quy trình, đào tạo thợ phun và hỗ trợ chọn mua thiết bị phun hồ quang; đã áp dụng cho cầu dẫn tại cảng Tiên Sa.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'materials_engineering',
    keywords: ['phun phủ nhiệt', 'chống ăn mòn', 'kẽm nhôm', 'kết cấu thép', 'môi trường biển'],
    trl: 8,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002377'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'fixed', amount: 780000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['cảng biển', 'kết cấu thép', 'cầu đường'],
    status: 'published',
  },
  {
    key: 'cot-soi-basalt-bfrp',
    organizationKey: 'dhkt-hathanh',
    title: 'Thanh cốt sợi basalt composite (BFRP) thay thép cho bê tông công trình ven biển',
    summary: 'Thanh cốt BFRP không gỉ, nhẹ bằng 1/4 thép, sản xuất bằng công nghệ kéo pultrusion trong nước.',
    description:
      'Sợi basalt được tẩm nhựa epoxy biến tính và kéo định hình pultrusion thành thanh đường kính 6–16 mm có gân cát, cường độ kéo trên 1.100 MPa, gấp 2,5 lần thép CB400. ' +
      'Thanh không bị ăn mòn clorua nên phù hợp kè biển, cống thủy lợi và sàn đường ven biển; hệ số giãn nở nhiệt gần với bê tông. ' +
      'Dây chuyền pilot của Trường đạt 1.500 m/ca; đoạn kè thí điểm tại Hải Phòng sau 3 năm chưa có vết nứt do ăn mòn. ' +
      'Trường đấu giá quyền sử dụng độc quyền sáng chế về công thức nhựa nền và quy trình kéo.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'materials_engineering',
    keywords: ['sợi basalt', 'composite', 'cốt bfrp', 'chống ăn mòn', 'công trình ven biển'],
    trl: 7,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0034417'],
    transferModes: ['license_exclusive'],
    pricing: { model: 'auction', amount: 1800000000, currency: 'VND', reservePrice: 2200000000, closesInDays: 5 },
    province: 'ha_noi',
    sectors: ['xây dựng', 'thủy lợi', 'công trình biển'],
    status: 'published',
  },
  {
    key: 'nano-bac-khu-trung-ao-nuoi',
    organizationKey: 'nanoxanh',
    title: 'Dung dịch nano bạc khử trùng nước ao nuôi và chuồng trại',
    summary: 'Dung dịch keo nano bạc 500 ppm ổn định bằng chitosan, thay thế một phần hóa chất khử trùng gốc clo.',
    description:
      'Hạt nano bạc kích thước 10–20 nm được tổng hợp bằng phương pháp khử hóa học xanh với dịch chiết lá chè và ổn định bằng chitosan. ' +
      'Ở nồng độ 0,5–1 ppm, dung dịch diệt trên 99% Vibrio parahaemolyticus trong 30 phút trong thí nghiệm phòng thí nghiệm. ' +
      'Quy trình tổng hợp ở quy mô 200 lít/mẻ đã chạy thử tại xưởng của công ty. ' +
      'Độ ổn định dài hạn và độc tính với tôm, cá đang được đánh giá, nên hồ sơ còn chờ thẩm định.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'nanotechnology',
    keywords: ['nano bạc', 'khử trùng', 'ao nuôi', 'vibrio', 'chitosan'],
    trl: 5,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2025-03552'],
    transferModes: ['license_non_exclusive', 'joint_venture'],
    pricing: { model: 'negotiable', amount: 400000000, currency: 'VND' },
    province: 'thai_nguyen',
    sectors: ['nuôi trồng thủy sản', 'chăn nuôi'],
    status: 'pending_review',
  },
  {
    key: 'nano-tio2-self-cleaning-coating',
    organizationKey: 'dhkt-hathanh',
    title: 'Self-cleaning and air-purifying nano-TiO2 coating for glass and building facades',
    summary: 'A water-based coating of nitrogen-doped TiO2 nanoparticles that breaks down dirt and NOx under visible light.',
    description:
      'Nitrogen-doped anatase nanoparticles of 8 to 12 nm are dispersed in a silica sol binder and sprayed at 80 to 120 nm thickness, keeping over 90% light transmission on glass. ' +
      'The coating is super-hydrophilic (water contact angle below 10°), so rain washes off broken-down dirt, and it removes about 30% of NOx from air in an ISO 22197-1 test. ' +
      'Test panels on a building in Hanoi stayed visibly cleaner than uncoated glass after 12 months. ' +
      'The lab has made 50-litre batches; a partner is needed for scale-up and durability certification.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'nanotechnology',
    keywords: ['titanium dioxide', 'photocatalysis', 'self-cleaning coating', 'nanoparticles', 'building materials'],
    trl: 5,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0030276'],
    transferModes: ['license_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 7500000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['construction materials', 'glass', 'coatings'],
    status: 'published',
  },
  {
    key: 'voc-rotor-zeolite-xuc-tac',
    organizationKey: 'vcnmt',
    title: 'Xử lý khí thải VOC buồng sơn bằng rotor hấp phụ zeolite và oxy hóa xúc tác',
    summary: 'Rotor zeolite cô đặc dung môi từ khí thải lưu lượng lớn, sau đó đốt xúc tác ở 300 °C và thu hồi nhiệt.',
    description:
      'Khí thải buồng sơn 20.000–60.000 m³/giờ được lọc bụi sơn bằng lọc khô nhiều cấp rồi qua rotor zeolite kỵ nước, cô đặc VOC 15–20 lần vào dòng khí giải hấp nhỏ. ' +
      'Dòng khí đậm đặc được oxy hóa trên xúc tác Pt-Pd/γ-Al2O3 do Viện chế tạo, nhiệt phản ứng được thu hồi để gia nhiệt khí giải hấp nên hầu như không cần nhiên liệu bổ sung khi chạy ổn định. ' +
      'Hiệu suất xử lý toluene, xylene và butyl acetate trên 95%, rotor không phải thay như than hoạt tính. ' +
      'Hệ thống thử nghiệm 25.000 m³/giờ vận hành 1 năm tại một xưởng sơn khung xe máy ở Vĩnh Phúc cũ (nay thuộc Phú Thọ).',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'chemical_engineering',
    keywords: ['voc', 'khí thải buồng sơn', 'rotor zeolite', 'oxy hóa xúc tác', 'dung môi'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-08102'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 4200000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['sơn công nghiệp', 'cơ khí', 'ô tô xe máy'],
    status: 'published',
  },
  {
    key: 'ocr-tieng-viet-bieu-mau',
    organizationKey: 'dhkt-hathanh',
    title: 'Nhận dạng ký tự quang học (OCR) tiếng Việt cho văn bản hành chính và biểu mẫu viết tay',
    summary: 'Bộ công cụ OCR tiếng Việt nhận dạng chữ in, chữ viết tay trong ô biểu mẫu và trích xuất trường dữ liệu có cấu trúc.',
    description:
      'Mô hình phát hiện dòng chữ và mô hình nhận dạng dạng transformer được huấn luyện trên 2,3 triệu dòng văn bản tiếng Việt có dấu, gồm văn bản hành chính, hóa đơn và phiếu viết tay. ' +
      'Độ chính xác ký tự đạt 99,2% với chữ in và 93–95% với chữ viết tay trong ô biểu mẫu; trường số được kiểm tra chéo theo quy tắc do người dùng khai báo. ' +
      'Hệ thống triển khai tại chỗ bằng Docker, có giao diện hiệu đính, tìm kiếm toàn văn và nhật ký thao tác. ' +
      'Đã số hóa hơn 3 triệu trang hồ sơ một cửa tại hai sở, ngành ở Hà Nội.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['ocr tiếng việt', 'nhận dạng chữ viết tay', 'số hóa hồ sơ', 'trích xuất thông tin', 'trí tuệ nhân tạo'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['1893/2023/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'fixed', amount: 680000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['chính quyền số', 'ngân hàng', 'y tế'],
    status: 'published',
  },
  {
    key: 'camera-giao-thong-ai',
    organizationKey: 'vietsense',
    title: 'Phân tích video camera giao thông bằng AI: đếm lưu lượng, nhận dạng biển số và phát hiện vi phạm',
    summary: 'Phần mềm xử lý luồng video từ camera giám sát sẵn có để thống kê lưu lượng xe và phát hiện vi phạm giao thông.',
    description:
      'Mô hình phát hiện và theo vết phân loại 7 loại phương tiện đặc trưng của Việt Nam, gồm xe máy, xe ba gác và xe buýt, với độ chính xác đếm 95% trong giờ cao điểm. ' +
      'Mô-đun nhận dạng biển số Việt Nam một dòng và hai dòng đạt 97% ban ngày và 92% ban đêm, phát hiện vượt đèn đỏ, đi sai làn, dừng đỗ sai quy định. ' +
      'Một máy chủ GPU xử lý đồng thời 32 camera Full HD; dữ liệu lưu lượng xuất theo chuẩn cho trung tâm điều hành giao thông. ' +
      'Đang vận hành trên 150 camera tại TP. Hồ Chí Minh và Bình Dương cũ.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['camera giao thông', 'nhận dạng biển số', 'phân tích video', 'đô thị thông minh', 'thị giác máy tính'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['3305/2024/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'negotiable', amount: 2500000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['giao thông', 'đô thị thông minh', 'công an'],
    status: 'published',
  },
  {
    key: 'e-government-one-stop-platform',
    organizationKey: 'dhkt-hathanh',
    title: 'E-government one-stop-shop platform with document workflow and digital signatures',
    summary: 'An open-architecture platform for communes and provincial departments to receive, process and return administrative procedures online.',
    description:
      'Citizens submit applications through a web portal, the national public-service portal or a mobile app; officers process them in a configurable BPMN workflow with remote digital signatures and e-payment of fees. ' +
      'The platform links to the national population database and the document-exchange axis through standard APIs, and publishes processing-time statistics for each procedure. ' +
      'It runs on Kubernetes in the province’s own data centre and has been load-tested at 5,000 concurrent users. ' +
      'Deployed in 2 provinces with about 1,900 procedures configured and 28% of applications now submitted fully online.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['e-government', 'one-stop shop', 'workflow', 'digital signature', 'public services'],
    trl: 8,
    ipStatus: 'copyright',
    ipNumbers: ['5120/2023/QTG'],
    transferModes: ['license_non_exclusive', 'turnkey', 'consulting'],
    pricing: { model: 'negotiable', amount: 18000000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['public administration', 'digital government'],
    status: 'published',
  },
  {
    key: 'canh-bao-sau-benh-lua-ai',
    organizationKey: 'vietsense',
    title: 'Cảnh báo sớm rầy nâu và đạo ôn trên lúa từ bẫy đèn tự động, ảnh điện thoại và dữ liệu thời tiết',
    summary: 'Bẫy đèn có camera đếm rầy tự động, ứng dụng nhận diện bệnh qua ảnh lá và mô hình dự báo nguy cơ theo thời tiết.',
    description:
      'Bẫy đèn năng lượng mặt trời chụp ảnh khay hứng mỗi đêm, mô hình thị giác máy tính đếm rầy nâu, rầy lưng trắng và sâu cuốn lá với sai số dưới 10% so với đếm tay. ' +
      'Nông dân chụp ảnh lá lúa bằng ứng dụng tiếng Việt để nhận diện đạo ôn, bạc lá, khô vằn với độ chính xác 89%. ' +
      'Mô hình dự báo kết hợp mật độ rầy, ẩm độ, nhiệt độ và giai đoạn sinh trưởng để cảnh báo nguy cơ bùng phát trước 5–7 ngày. ' +
      'Thử nghiệm 2 vụ trên 3.000 ha tại An Giang, số lần phun thuốc giảm 1,5 lần mỗi vụ.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'digital_technology',
    keywords: ['sâu bệnh lúa', 'rầy nâu', 'bẫy đèn', 'dự báo dịch hại', 'thị giác máy tính'],
    trl: 6,
    ipStatus: 'copyright',
    ipNumbers: ['2784/2025/QTG'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 900000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['sản xuất lúa gạo', 'bảo vệ thực vật', 'hợp tác xã'],
    status: 'published',
  },
  {
    key: 'quan-trac-oxy-ao-tom',
    organizationKey: 'vietsense',
    title: 'Hệ thống quan trắc oxy hòa tan và tự động điều khiển quạt nước ao nuôi tôm',
    summary: 'Cảm biến oxy quang học, nhiệt độ, pH gửi dữ liệu liên tục và tự bật tắt quạt nước theo ngưỡng oxy.',
    description:
      'Đầu đo oxy hòa tan dùng công nghệ huỳnh quang, có chổi tự làm sạch, nên chỉ cần hiệu chuẩn 4–6 tuần một lần; kèm đo nhiệt độ, pH và độ mặn. ' +
      'Tủ điều khiển bật tắt quạt nước theo ngưỡng oxy và khung giờ, gửi cảnh báo qua ứng dụng và cuộc gọi tự động khi oxy xuống dưới 3,5 mg/L. ' +
      'Trên 60 ao ở Cà Mau, tiền điện quạt nước giảm 22–30% và không còn sự cố tôm chết do thiếu oxy ban đêm. ' +
      'Dữ liệu được lưu theo ao, theo vụ để phục vụ truy xuất nguồn gốc và chứng nhận ASC.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['quan trắc ao nuôi', 'oxy hòa tan', 'nuôi tôm', 'điều khiển quạt nước', 'iot'],
    trl: 8,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002834'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'fixed', amount: 38000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['nuôi trồng thủy sản', 'nông nghiệp thông minh'],
    status: 'published',
  },
  {
    key: 'nut-cam-bien-lorawan-cong-suat-thap',
    organizationKey: 'dhkt-hathanh',
    title: 'Thiết kế nút cảm biến LoRaWAN công suất cực thấp, pin 5 năm',
    summary: 'Thiết kế mạch, vỏ IP67 và firmware nút cảm biến LoRaWAN đa năng, chuyển giao toàn bộ hồ sơ để sản xuất trong nước.',
    description:
      'Mạch dùng vi điều khiển ARM Cortex-M0+ và mô-đun LoRa SX1262, dòng ngủ 1,8 µA, có 4 cổng cảm biến (analog, I2C, RS485, xung) và cập nhật firmware qua sóng. ' +
      'Với chu kỳ gửi 15 phút và pin Li-SOCl2 19 Ah, tuổi thọ pin tính toán và đo gia tốc đạt trên 5 năm ở 25 °C. ' +
      'Chi phí linh kiện khoảng 14 USD ở số lượng 5.000 bộ; hồ sơ gồm sơ đồ nguyên lý, layout, danh mục vật tư, khuôn vỏ và mã nguồn firmware. ' +
      'Đã sản xuất thử 300 bộ tại một nhà máy EMS ở Bắc Ninh và đạt chứng nhận hợp quy thiết bị vô tuyến.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'electrical_electronic_engineering',
    keywords: ['lorawan', 'nút cảm biến', 'công suất thấp', 'thiết kế mạch', 'iot'],
    trl: 7,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['assignment', 'license_exclusive'],
    pricing: { model: 'fixed', amount: 850000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['iot', 'nông nghiệp thông minh', 'nhà máy thông minh'],
    status: 'published',
  },
  {
    key: 'be-tong-geopolymer-tro-bay',
    organizationKey: 'dhkt-hathanh',
    title: 'Bê tông geopolymer từ tro bay và xỉ lò cao cho cấu kiện đúc sẵn',
    summary: 'Chất kết dính không xi măng từ tro bay nhiệt điện và xỉ lò cao, dùng cho ống cống, tấm tường và gạch lát.',
    description:
      'Tro bay loại F và xỉ lò cao nghiền mịn được hoạt hóa bằng dung dịch thủy tinh lỏng và NaOH, dưỡng hộ nhiệt 60 °C trong 24 giờ. ' +
      'Bê tông đạt cường độ nén 40–50 MPa sau 7 ngày, bền sulfat và nước biển tốt hơn bê tông xi măng, phát thải CO2 thấp hơn khoảng 60%. ' +
      'Mỗi mét khối tiêu thụ khoảng 350 kg tro xỉ, góp phần giải quyết tồn đọng tro xỉ tại các nhà máy nhiệt điện. ' +
      'Đã sản xuất thử 2.000 ống cống và tấm tường tại một nhà máy cấu kiện ở Quảng Ninh.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'civil_engineering',
    keywords: ['bê tông geopolymer', 'tro bay', 'xỉ lò cao', 'cấu kiện đúc sẵn', 'vật liệu xanh'],
    trl: 7,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0028651'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'negotiable', amount: 950000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['vật liệu xây dựng', 'nhiệt điện', 'hạ tầng'],
    status: 'published',
  },
];
