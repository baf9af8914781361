/** Demo technology offers: high-tech agriculture, varieties, aquaculture, veterinary, food and industrial biotechnology. */
import type { DemoOffer } from './types';

export const OFFERS_AGRICULTURE_BIO: readonly DemoOffer[] = [
  {
    key: 'tuoi-nho-giot-iot-do-am',
    organizationKey: 'dhkt-hathanh',
    title: 'Hệ thống tưới nhỏ giọt thông minh IoT điều khiển theo độ ẩm đất',
    summary: 'Bộ điều khiển tưới và bón phân qua nước theo cảm biến độ ẩm đất, dự báo thời tiết và điều khiển qua điện thoại.',
    description:
      'Mỗi nút cảm biến đo độ ẩm đất ở 2 tầng sâu, nhiệt độ và EC, truyền LoRa đến bộ điều khiển trung tâm quản lý tối đa 32 van điện từ. ' +
      'Thuật toán tưới tính lượng nước theo ngưỡng độ ẩm của từng giai đoạn cây và lượng mưa dự báo, kết hợp châm phân tự động theo EC đặt trước. ' +
      'Mô hình trên 5 ha bưởi và sầu riêng ở Đồng Tháp tiết kiệm 35% nước và 20% phân bón so với tưới thủ công. ' +
      'Thiết bị dùng pin mặt trời, đạt chuẩn chống nước IP67; ứng dụng di động có tiếng Việt và cảnh báo qua Zalo.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'high_tech_agriculture',
    keywords: ['tưới nhỏ giọt', 'iot', 'độ ẩm đất', 'bón phân qua nước', 'cây ăn quả'],
    trl: 8,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002690'],
    transferModes: ['license_non_exclusive', 'turnkey'],
    pricing: { model: 'fixed', amount: 95000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['trồng trọt', 'cây ăn quả', 'nông nghiệp công nghệ cao'],
    status: 'published',
  },
  {
    key: 'nha-mang-vi-khi-hau-thuy-canh',
    organizationKey: 'dhnl-vietbac',
    title: 'Nhà màng điều khiển vi khí hậu tự động kết hợp thủy canh hồi lưu NFT',
    summary: 'Thiết kế nhà màng và bộ điều khiển nhiệt độ, ẩm độ, ánh sáng, dinh dưỡng cho rau ăn lá thủy canh.',
    description:
      'Nhà màng khung thép mạ kẽm, mái răng cưa có lưới cắt nắng tự động, quạt hút và tấm làm mát cooling pad được điều khiển theo nhiệt độ, ẩm độ và cường độ bức xạ. ' +
      'Hệ thủy canh NFT hồi lưu có bộ châm dinh dưỡng tự động theo EC và pH, tiết kiệm 90% nước so với trồng đất. ' +
      'Khu nhà màng 2.000 m² của Trường đạt 12 lứa xà lách mỗi năm, năng suất 3,5 kg/m²/lứa, không dư lượng thuốc bảo vệ thực vật. ' +
      'Trường chuyển giao bản vẽ, lắp đặt bộ điều khiển và tập huấn quy trình sản xuất theo VietGAP.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'high_tech_agriculture',
    keywords: ['nhà màng', 'thủy canh', 'vi khí hậu', 'rau ăn lá', 'vietgap'],
    trl: 8,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['turnkey', 'consulting'],
    pricing: { model: 'negotiable', amount: 650000000, currency: 'VND' },
    province: 'thai_nguyen',
    sectors: ['rau an toàn', 'nông nghiệp công nghệ cao', 'hợp tác xã'],
    status: 'published',
  },
  {
    key: 'nuoi-cay-mo-hoa-bioreactor',
    organizationKey: 'vdtnn',
    title: 'Nhân giống in vitro hoa lan hồ điệp và hoa cúc bằng bioreactor ngập chìm tạm thời',
    summary: 'Quy trình nuôi cấy mô hoa trong bình bioreactor TIS, tăng hệ số nhân và giảm công lao động so với nuôi cấy thạch.',
    description:
      'Hệ bioreactor ngập chìm tạm thời (TIS) 5 lít cho hệ số nhân chồi lan hồ điệp 8–10 lần sau 6 tuần, cao gấp 2,5 lần môi trường thạch, với tỷ lệ biến dị soma dưới 2% được kiểm tra bằng chỉ thị SSR. ' +
      'Với hoa cúc, quy trình tạo cây con sạch virus CVB và CSVd nhờ nuôi cấy đỉnh sinh trưởng kết hợp xử lý nhiệt. ' +
      'Chi phí một cây con giảm khoảng 30% do giảm môi trường và thao tác cấy chuyển. ' +
      'Viện chuyển giao quy trình, thiết kế phòng cấy và đào tạo kỹ thuật viên; đã áp dụng tại hai cơ sở ở Lâm Đồng và Hà Nội.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['nuôi cấy mô', 'bioreactor', 'hoa lan hồ điệp', 'hoa cúc', 'cây giống sạch bệnh'],
    trl: 8,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'fixed', amount: 480000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['hoa cây cảnh', 'sản xuất giống', 'nông nghiệp công nghệ cao'],
    status: 'published',
  },
  {
    key: 'khoai-tay-khi-canh',
    organizationKey: 'vdtnn',
    title: 'Sản xuất củ giống khoai tây siêu nguyên chủng bằng công nghệ khí canh',
    summary: 'Quy trình từ cây in vitro sạch bệnh đến củ mini trong nhà lưới khí canh, năng suất 80–100 củ/cây.',
    description:
      'Cây khoai tây in vitro sạch virus PVX, PVY và PLRV được trồng trong thùng khí canh, dung dịch dinh dưỡng phun sương 15 giây mỗi 10 phút. ' +
      'Củ mini 5–15 g được thu hoạch cuốn chiếu, đạt 80–100 củ/cây so với 8–10 củ khi trồng giá thể. ' +
      'Củ giống đạt tiêu chuẩn siêu nguyên chủng theo QCVN 01-53:2011/BNNPTNT. ' +
      'Nhà lưới 1.500 m² của Viện sản xuất 600.000 củ mini mỗi năm; quy trình phù hợp với vùng lạnh như Lâm Đồng, Lào Cai.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'high_tech_agriculture',
    keywords: ['khoai tây', 'khí canh', 'củ giống', 'sạch bệnh', 'siêu nguyên chủng'],
    trl: 8,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002318'],
    transferModes: ['license_non_exclusive', 'consulting'],
    pricing: { model: 'negotiable', amount: 550000000, currency: 'VND' },
    province: 'ha_noi',
    sectors: ['sản xuất giống', 'rau màu', 'vùng cao'],
    status: 'published',
  },
  {
    key: 'giong-lua-chiu-man-sh-m15',
    organizationKey: 'vdtnn',
    title: 'Giống lúa chịu mặn SH-M15 chọn tạo bằng chỉ thị phân tử',
    summary: 'Giống lúa thơm ngắn ngày chịu mặn 4–6‰ giai đoạn mạ và đẻ nhánh, năng suất 6,5–7,5 tấn/ha.',
    description:
      'SH-M15 được lai hồi giao mang vùng gen Saltol và gen thơm badh2, thời gian sinh trưởng 95–100 ngày, hạt dài 7,2 mm, hàm lượng amylose 17%. ' +
      'Trong khảo nghiệm tại Cà Mau, An Giang và Vĩnh Long vụ đông xuân 2024–2025, giống chịu mặn 5‰ và cho năng suất cao hơn OM5451 khoảng 10%. ' +
      'Giống đã được công nhận lưu hành và được cấp bằng bảo hộ giống cây trồng. ' +
      'Viện đấu giá quyền sử dụng độc quyền sản xuất và kinh doanh giống trong 10 năm.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'crop_science',
    keywords: ['giống lúa', 'chịu mặn', 'chỉ thị phân tử', 'lúa thơm', 'xâm nhập mặn'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['license_exclusive'],
    pricing: { model: 'auction', amount: 2000000000, currency: 'VND', reservePrice: 2500000000, closesInDays: 10 },
    province: 'ha_noi',
    sectors: ['sản xuất lúa gạo', 'sản xuất giống', 'đồng bằng sông cửu long'],
    status: 'published',
  },
  {
    key: 'marker-assisted-breeding-service',
    organizationKey: 'vdtnn',
    title: 'Marker-assisted backcrossing to add submergence and salinity tolerance to elite rice lines',
    summary: 'A breeding service that introgresses Sub1 and Saltol into a client’s elite rice variety in three to four seasons.',
    description:
      'The institute genotypes each backcross generation with foreground markers for Sub1A and Saltol and 120 background SNP markers, recovering more than 95% of the recurrent parent genome by BC3F3. ' +
      'Rapid generation advance in the greenhouse allows three crops per year, so a converted line is ready for national testing in about 18 months. ' +
      'Four varieties have been converted this way for seed companies in the Mekong Delta. ' +
      'The client keeps the rights to the converted line; the institute charges a fixed service fee per variety.',
    language: 'en',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['marker-assisted selection', 'rice breeding', 'salinity tolerance', 'submergence', 'backcrossing'],
    trl: 7,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting', 'co_development'],
    pricing: { model: 'fixed', amount: 3800000, currency: 'USD' },
    province: 'ha_noi',
    sectors: ['seed industry', 'rice production'],
    status: 'published',
  },
  {
    key: 'tom-the-biofloc-hai-giai-doan',
    organizationKey: 'dh-mekong',
    title: 'Quy trình nuôi tôm thẻ chân trắng siêu thâm canh hai giai đoạn trong ao lót bạt biofloc',
    summary: 'Ương tôm trong bể biofloc có mái che 25–30 ngày rồi chuyển ra ao nuôi, đạt 25–30 tấn/ha/vụ.',
    description:
      'Giai đoạn 1 ương mật độ 2.000–3.000 con/m³ trong bể có mái che với biofloc duy trì tỷ lệ C:N 15:1 bằng mật rỉ đường; giai đoạn 2 nuôi 200–250 con/m² trong ao tròn lót bạt có hố xi-phông trung tâm. ' +
      'Tỷ lệ sống đạt 80–85%, hệ số thức ăn FCR 1,1–1,2 và thời gian nuôi rút ngắn còn 70–80 ngày. ' +
      'Nước thải ao được lắng và xử lý bằng ao sinh học trước khi tái sử dụng, giảm 60% lượng nước thay. ' +
      'Quy trình đã áp dụng trên 40 ha tại Sóc Trăng cũ (nay thuộc Cần Thơ) và Bạc Liêu cũ (nay thuộc Cà Mau).',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'fisheries',
    keywords: ['nuôi tôm', 'tôm thẻ chân trắng', 'biofloc', 'siêu thâm canh', 'ao lót bạt'],
    trl: 9,
    ipStatus: 'none',
    ipNumbers: [],
    transferModes: ['consulting', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 300000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['nuôi trồng thủy sản', 'tôm xuất khẩu'],
    status: 'published',
  },
  {
    key: 'ras-uong-ca-tra-giong',
    organizationKey: 'dh-mekong',
    title: 'Hệ thống tuần hoàn RAS ương cá tra giống sạch bệnh',
    summary: 'Hệ tuần hoàn nước có lọc cơ học, lọc sinh học và UV để ương cá tra bột lên cá giống với tỷ lệ sống cao.',
    description:
      'Hệ gồm bể ương composite, lọc trống quay 60 µm, lọc sinh học giá thể chuyển động và đèn UV, tái sử dụng 95% nước mỗi ngày. ' +
      'Tỷ lệ sống từ cá bột đến cá giống cỡ 1,5 cm đạt 35–40%, so với 10–15% khi ương ao đất, và cá không nhiễm Edwardsiella ictaluri theo kết quả PCR. ' +
      'Một mô-đun 100 m³ sản xuất khoảng 1,5 triệu cá giống mỗi năm. ' +
      'Trường chuyển giao thiết kế, quy trình vận hành và quản lý dịch bệnh.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'fisheries',
    keywords: ['cá tra giống', 'ras', 'tuần hoàn nước', 'ương giống', 'an toàn sinh học'],
    trl: 7,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002761'],
    transferModes: ['turnkey', 'consulting'],
    pricing: { model: 'negotiable', amount: 1600000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['nuôi trồng thủy sản', 'sản xuất giống'],
    status: 'published',
  },
  {
    key: 'vaccine-gan-than-mu-ca-tra',
    organizationKey: 'dh-mekong',
    title: 'Vắc xin bất hoạt dạng ngâm phòng bệnh gan thận mủ trên cá tra',
    summary: 'Vắc xin Edwardsiella ictaluri bất hoạt formalin dùng cho cá tra giống bằng phương pháp ngâm.',
    description:
      'Chủng vắc xin được chọn từ 36 chủng E. ictaluri phân lập tại 6 tỉnh đồng bằng sông Cửu Long, bất hoạt bằng formalin và bổ sung tá chất chitosan để tăng hấp thu qua mang. ' +
      'Cá giống 3–5 g được ngâm 30 phút ở độ pha loãng 1:100; thử nghiệm công cường độc cho tỷ lệ bảo hộ tương đối RPS 70–78% sau 8 tuần. ' +
      'Ở thử nghiệm thực địa trên 12 ao, tỷ lệ sống đến thu hoạch tăng 18% và lượng kháng sinh dùng giảm 60%. ' +
      'Trường tìm đối tác sản xuất thuốc thú y đạt GMP để hoàn thiện hồ sơ khảo nghiệm và đăng ký lưu hành.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'veterinary_science',
    keywords: ['vắc xin cá tra', 'gan thận mủ', 'edwardsiella ictaluri', 'giảm kháng sinh', 'thú y thủy sản'],
    trl: 6,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-05126'],
    transferModes: ['co_development', 'license_exclusive'],
    pricing: { model: 'negotiable', amount: 3500000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['thuốc thú y', 'nuôi trồng thủy sản'],
    status: 'published',
  },
  {
    key: 'vaccine-tu-huyet-trung-lon',
    organizationKey: 'dhnl-vietbac',
    title: 'Vắc xin vô hoạt nhị giá phòng tụ huyết trùng và phù đầu do E. coli cho lợn',
    summary: 'Vắc xin keo phèn chứa Pasteurella multocida type A, D và E. coli sinh độc tố F18 cho lợn con và lợn nái.',
    description:
      'Các chủng vắc xin được phân lập tại 8 tỉnh miền núi phía Bắc và định type bằng PCR, nuôi cấy trong nồi lên men 50 lít rồi bất hoạt và hấp phụ keo phèn. ' +
      'Lợn con tiêm 2 mũi lúc 3 và 5 tuần tuổi đạt hiệu giá kháng thể bảo hộ từ tuần thứ 2 sau mũi hai, kéo dài 5 tháng. ' +
      'Thử nghiệm trên 3.000 lợn tại trại thực nghiệm và hai trang trại ở Thái Nguyên cho thấy tỷ lệ chết do phù đầu giảm từ 7% xuống dưới 1,5%. ' +
      'Trường chuyển giao chủng giống và quy trình sản xuất cho doanh nghiệp thuốc thú y đạt GMP.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'veterinary_science',
    keywords: ['vắc xin lợn', 'tụ huyết trùng', 'phù đầu', 'e. coli', 'thuốc thú y'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2023-08844'],
    transferModes: ['license_exclusive', 'assignment'],
    pricing: { model: 'negotiable', amount: 2200000000, currency: 'VND' },
    province: 'thai_nguyen',
    sectors: ['chăn nuôi lợn', 'thuốc thú y'],
    status: 'published',
  },
  {
    key: 'kit-viem-vu-tiem-an-bo-sua',
    organizationKey: 'dhnl-vietbac',
    title: 'Bộ kit phát hiện nhanh viêm vú tiềm ẩn ở bò sữa tại chuồng',
    summary: 'Thuốc thử và khay đọc màu phát hiện viêm vú chưa biểu hiện lâm sàng qua số lượng tế bào soma trong sữa.',
    description:
      'Thuốc thử cải tiến từ phép thử CMT có chất chỉ thị màu, đọc kết quả bằng ứng dụng điện thoại chụp khay 4 núm vú trong 20 giây. ' +
      'Độ nhạy 91% và độ đặc hiệu 87% so với đếm tế bào soma bằng máy Fossomatic ở ngưỡng 200.000 tế bào/mL. ' +
      'Ứng dụng lưu lịch sử theo số tai từng con, nhắc lịch kiểm tra và gợi ý cách ly vắt sữa. ' +
      'Đã dùng thử 9 tháng tại hai trang trại bò sữa ở Ba Vì và Mộc Châu, giúp giảm 25% sữa bị loại do kháng sinh.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'veterinary_science',
    keywords: ['viêm vú bò sữa', 'tế bào soma', 'chẩn đoán nhanh', 'sức khỏe đàn bò', 'chất lượng sữa'],
    trl: 7,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002912'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'fixed', amount: 280000000, currency: 'VND' },
    province: 'thai_nguyen',
    sectors: ['chăn nuôi bò sữa', 'thú y'],
    status: 'published',
  },
  {
    key: 'phan-vi-sinh-co-dinh-dam-lua',
    organizationKey: 'vcnsh',
    title: 'Phân bón vi sinh đa chủng cố định đạm, phân giải lân cho lúa và rau màu',
    summary: 'Chế phẩm Azospirillum, Bacillus megaterium và Trichoderma giúp giảm 20–30% phân đạm hóa học.',
    description:
      'Sản phẩm dạng bột chứa 3 nhóm vi sinh vật với mật độ mỗi nhóm trên 10⁸ CFU/g, phối trộn trên nền than bùn và phụ phẩm mía. ' +
      'Thí nghiệm đồng ruộng 6 vụ tại Đồng Tháp và An Giang cho thấy có thể giảm 25% đạm urê mà năng suất lúa vẫn tương đương, đồng thời giảm bệnh thối rễ ở rau màu. ' +
      'Sản phẩm đã được công nhận lưu hành phân bón và đạt tiêu chuẩn hữu cơ TCVN 11041. ' +
      'Viện chuyển giao bộ chủng, quy trình lên men và phối trộn quy mô 5.000 tấn/năm.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['phân bón vi sinh', 'cố định đạm', 'phân giải lân', 'trichoderma', 'giảm phân hóa học'],
    trl: 9,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0027813'],
    transferModes: ['license_non_exclusive', 'assignment'],
    pricing: { model: 'fixed', amount: 900000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['phân bón', 'sản xuất lúa gạo', 'nông nghiệp hữu cơ'],
    status: 'published',
  },
  {
    key: 'phan-bon-long-thuy-phan-ca',
    organizationKey: 'dh-mekong',
    title: 'Phân bón hữu cơ sinh học dạng lỏng từ dịch thủy phân phụ phẩm cá tra',
    summary: 'Thủy phân đầu, xương, nội tạng cá tra bằng enzyme protease thành phân bón lá giàu axit amin.',
    description:
      'Phụ phẩm được nghiền, thủy phân bằng protease vi sinh ở 55 °C trong 6 giờ, tách dầu bằng ly tâm ba pha rồi bổ sung vi sinh vật có ích. ' +
      'Dịch thành phẩm chứa 12–15% axit amin tự do, có đủ đạm, lân, kali và vi lượng, ổn định 12 tháng ở nhiệt độ thường. ' +
      'Một dây chuyền 10 tấn phụ phẩm/ngày cho khoảng 8.000 lít phân bón và 600 kg dầu cá. ' +
      'Thử nghiệm trên rau và xoài ở Cần Thơ tăng năng suất 8–12% so với đối chứng.',
    language: 'vi',
    field: 'agricultural_sciences',
    subField: 'agricultural_biotechnology',
    keywords: ['phụ phẩm cá tra', 'thủy phân enzyme', 'phân bón lá', 'axit amin', 'kinh tế tuần hoàn'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-02075'],
    transferModes: ['license_non_exclusive', 'joint_venture'],
    pricing: { model: 'negotiable', amount: 750000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['chế biến thủy sản', 'phân bón', 'kinh tế tuần hoàn'],
    status: 'published',
  },
  {
    key: 'collagen-peptide-da-ca',
    organizationKey: 'dh-mekong',
    title: 'Quy trình thu nhận collagen peptide từ da và vảy cá bằng enzyme',
    summary: 'Chiết collagen từ da, vảy cá tra và cá rô phi, thủy phân thành peptide khối lượng phân tử thấp dùng cho thực phẩm chức năng.',
    description:
      'Da cá được khử khoáng, loại protein tạp và chất béo, chiết collagen ở 45 °C rồi thủy phân bằng hỗn hợp alcalase và flavourzyme đến peptide dưới 3 kDa. ' +
      'Dịch peptide được khử mùi tanh bằng than hoạt tính, cô đặc qua màng nano và sấy phun, hiệu suất 14–16% theo khối lượng da khô. ' +
      'Sản phẩm có hàm lượng protein trên 90%, kim loại nặng dưới giới hạn của QCVN 8-2:2011/BYT. ' +
      'Quy trình đã chạy ở quy mô 100 kg da/mẻ tại phòng thí nghiệm sau thu hoạch của Trường.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'food_beverage_engineering',
    keywords: ['collagen', 'peptide', 'da cá tra', 'phụ phẩm thủy sản', 'thực phẩm chức năng'],
    trl: 6,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2025-01438'],
    transferModes: ['license_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 1400000000, currency: 'VND' },
    province: 'can_tho',
    sectors: ['chế biến thủy sản', 'thực phẩm chức năng', 'mỹ phẩm'],
    status: 'published',
  },
  {
    key: 'say-thang-hoa-trai-cay',
    organizationKey: 'vchtd',
    title: 'Máy sấy thăng hoa trái cây và dược liệu 200 kg/mẻ chế tạo trong nước',
    summary: 'Máy sấy thăng hoa có bẫy lạnh −45 °C và gia nhiệt tấm bằng dầu, giá bằng khoảng 50% máy nhập khẩu.',
    description:
      'Buồng sấy 10 m² khay, bẫy lạnh dùng máy nén hai cấp đạt −45 °C, bơm chân không hai tầng giữ áp suất 20–50 Pa; tấm gia nhiệt dùng dầu tải nhiệt điều khiển theo chương trình. ' +
      'Chu trình sấy mít, dâu tây và xoài 18–22 giờ, độ ẩm sản phẩm dưới 4%, giữ trên 90% vitamin C và màu sắc tự nhiên. ' +
      'Điện năng tiêu thụ khoảng 1,2 kWh/kg nước thăng hoa. ' +
      'Ba máy đang vận hành tại Lâm Đồng, Tiền Giang cũ (nay thuộc Đồng Tháp) và Hà Nội.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'food_beverage_engineering',
    keywords: ['sấy thăng hoa', 'trái cây sấy', 'bảo quản', 'chế biến nông sản', 'máy sấy'],
    trl: 9,
    ipStatus: 'utility_solution',
    ipNumbers: ['2-0002455'],
    transferModes: ['turnkey', 'license_non_exclusive'],
    pricing: { model: 'fixed', amount: 2900000000, currency: 'VND' },
    province: 'da_nang',
    sectors: ['chế biến trái cây', 'dược liệu', 'thực phẩm'],
    status: 'published',
  },
  {
    key: 'chitosan-coating-fruit-export',
    organizationKey: 'dh-mekong',
    title: 'Edible chitosan–nanocellulose coating to extend the shelf life of mango and dragon fruit',
    summary: 'A food-grade coating made from shrimp-shell chitosan that doubles the storage life of tropical fruit for sea freight.',
    description:
      'The coating combines low-molecular-weight chitosan from shrimp shells with cellulose nanofibres and a small amount of plant essential oil, applied by dipping or spraying on the packing line. ' +
      'At 12 °C, coated mangoes kept marketable quality for 28 days versus 14 days uncoated, with 40% less weight loss and less anthracnose. ' +
      'Dragon fruit reached 35 days, enough for sea freight to Europe instead of air freight. ' +
      'Trials were run with two packing houses in Dong Thap and Long An (now Tay Ninh); all ingredients are on the Codex list of permitted food additives.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'food_beverage_engineering',
    keywords: ['edible coating', 'chitosan', 'shelf life', 'mango', 'post-harvest'],
    trl: 7,
    ipStatus: 'patent_pending',
    ipNumbers: ['1-2024-07710'],
    transferModes: ['license_non_exclusive', 'co_development'],
    pricing: { model: 'negotiable', amount: 2500000, currency: 'USD' },
    province: 'can_tho',
    sectors: ['fruit export', 'post-harvest', 'packing houses'],
    status: 'published',
  },
  {
    key: 'bacillus-probiotic-feed-fermentation',
    organizationKey: 'vcnsh',
    title: 'High-density fermentation of Bacillus probiotics for animal and shrimp feed',
    summary: 'A fed-batch process producing spore-forming Bacillus probiotics at 10¹¹ CFU per gram for feed mills.',
    description:
      'Strains of Bacillus subtilis and B. amyloliquefaciens selected for heat tolerance at feed pelleting (85 °C) are grown in fed-batch fermenters with molasses and soybean meal. ' +
      'The process reaches a sporulation rate above 90% in 36 hours and a dried product of 10¹¹ CFU/g after spray drying. ' +
      'In feeding trials, broiler weight gain improved by 5% and shrimp survival by 12% compared with controls without antibiotics. ' +
      'The institute transfers the strains, the 2,000-litre process and quality-control methods.',
    language: 'en',
    field: 'engineering_technology',
    subField: 'industrial_biotechnology',
    keywords: ['probiotics', 'bacillus', 'fermentation', 'animal feed', 'antibiotic-free'],
    trl: 8,
    ipStatus: 'patent_granted',
    ipNumbers: ['1-0029904'],
    transferModes: ['license_exclusive', 'license_non_exclusive'],
    pricing: { model: 'negotiable', amount: 12000000, currency: 'USD' },
    province: 'ho_chi_minh',
    sectors: ['feed mills', 'poultry', 'aquaculture'],
    status: 'published',
  },
  {
    key: 'sua-chua-probiotic-chung-khoi-dong',
    organizationKey: 'vcnsh',
    title: 'Chủng khởi động và quy trình lên men sữa chua probiotic cho cơ sở chế biến sữa vừa và nhỏ',
    summary: 'Bộ chủng Lactobacillus và Streptococcus bản địa dạng đông khô cùng quy trình lên men sữa chua uống và sữa chua ăn.',
    description:
      'Bộ chủng gồm Streptococcus thermophilus, Lactobacillus bulgaricus và chủng probiotic L. plantarum phân lập từ thực phẩm lên men truyền thống, được đông khô và đóng gói theo mẻ 500 lít sữa. ' +
      'Thời gian lên men 4,5 giờ ở 42 °C, mật độ probiotic trong sản phẩm trên 10⁷ CFU/g sau 21 ngày bảo quản lạnh. ' +
      'Giá chủng thấp hơn khoảng 40% so với chủng nhập khẩu và giao hàng trong 3 ngày. ' +
      'Viện hướng dẫn kiểm soát điểm tới hạn HACCP của công đoạn lên men; hồ sơ đang chờ thẩm định trước khi công bố.',
    language: 'vi',
    field: 'engineering_technology',
    subField: 'industrial_biotechnology',
    keywords: ['sữa chua', 'probiotic', 'chủng khởi động', 'lên men', 'chế biến sữa'],
    trl: 7,
    ipStatus: 'trade_secret',
    ipNumbers: [],
    transferModes: ['license_non_exclusive'],
    pricing: { model: 'fixed', amount: 180000000, currency: 'VND' },
    province: 'ho_chi_minh',
    sectors: ['chế biến sữa', 'thực phẩm'],
    status: 'pending_review',
  },
];
