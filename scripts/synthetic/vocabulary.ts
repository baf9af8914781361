/** Vietnamese technology vocabulary (with English counterparts) for synthetic listings. */

/** Topics per sub-field, as "Vietnamese|English". */
export const TOPICS_BY_SUB_FIELD: Record<string, readonly string[]> = {
  mathematics: [
    'mô hình thống kê dự báo|statistical forecasting model',
    'tối ưu hóa tổ hợp|combinatorial optimisation',
    'phân tích chuỗi thời gian|time series analysis',
  ],
  computer_information_sciences: [
    'thuật toán tìm kiếm văn bản tiếng Việt|Vietnamese text search algorithm',
    'hệ thống quản lý dữ liệu lớn|big data management system',
    'nhận dạng chữ viết tay|handwriting recognition',
    'bảo mật mạng doanh nghiệp|enterprise network security',
  ],
  physical_sciences: [
    'vật liệu quang điện|photoelectric material',
    'cảm biến laser đo khoảng cách|laser distance sensor',
    'màng mỏng siêu dẫn|superconducting thin film',
  ],
  chemical_sciences: [
    'chất xúc tác xanh|green catalyst',
    'tổng hợp polyme phân hủy sinh học|biodegradable polymer synthesis',
    'chiết xuất tinh dầu|essential oil extraction',
  ],
  earth_environmental_sciences: [
    'quan trắc chất lượng không khí|air quality monitoring',
    'cảnh báo sạt lở đất|landslide early warning',
    'bản đồ ngập lụt đô thị|urban flood mapping',
  ],
  biological_sciences: [
    'giải trình tự gen|gene sequencing',
    'nuôi cấy mô thực vật|plant tissue culture',
    'vi sinh vật cố định đạm|nitrogen fixing microorganisms',
  ],
  other_natural_sciences: [
    'phân tích đồng vị phóng xạ|radioisotope analysis',
    'khí tượng nông nghiệp|agricultural meteorology',
  ],
  civil_engineering: [
    'bê tông tự lèn|self compacting concrete',
    'gạch không nung|unfired brick',
    'kết cấu nhà thép tiền chế|prefabricated steel structure',
    'gia cố nền đất yếu|soft soil reinforcement',
  ],
  electrical_electronic_engineering: [
    'bộ nghịch lưu năng lượng mặt trời|solar inverter',
    'mạch điều khiển động cơ|motor control circuit',
    'thiết bị đo điện thông minh|smart electricity meter',
    'ăng ten vi dải|microstrip antenna',
  ],
  mechanical_engineering: [
    'máy gặt đập liên hợp|combine harvester',
    'robot hàn tự động|automatic welding robot',
    'máy CNC gia công kim loại|CNC metal machining',
    'hộp số công nghiệp|industrial gearbox',
  ],
  chemical_engineering: [
    'sản xuất phân bón hữu cơ|organic fertilizer production',
    'tái chế nhựa phế thải|waste plastic recycling',
    'chưng cất dầu sinh học|biodiesel distillation',
  ],
  materials_engineering: [
    'vật liệu composite sợi thủy tinh|glass fibre composite',
    'hợp kim nhôm chịu nhiệt|heat resistant aluminium alloy',
    'lớp phủ chống ăn mòn|anti corrosion coating',
  ],
  medical_engineering: [
    'máy thở di động|portable ventilator',
    'thiết bị siêu âm chẩn đoán|diagnostic ultrasound device',
    'chân tay giả thông minh|smart prosthetic limb',
  ],
  environmental_engineering: [
    'công nghệ xử lý nước thải|wastewater treatment technology',
    'xử lý rác thải sinh hoạt|household waste treatment',
    'lọc bụi khí thải công nghiệp|industrial flue gas filtration',
    'xử lý bùn thải|sludge treatment',
  ],
  energy_engineering: [
    'năng lượng tái tạo|renewable energy',
    'điện mặt trời áp mái|rooftop solar power',
    'tua bin gió cỡ nhỏ|small wind turbine',
    'lưu trữ năng lượng pin|battery energy storage',
  ],
  environmental_biotechnology: [
    'chế phẩm vi sinh xử lý môi trường|microbial product for remediation',
    'phân hủy sinh học dầu tràn|oil spill biodegradation',
    'ủ phân compost nhanh|rapid composting',
  ],
  industrial_biotechnology: [
    'lên men enzyme công nghiệp|industrial enzyme fermentation',
    'sản xuất axit lactic|lactic acid production',
    'men vi sinh chăn nuôi|probiotic for livestock',
  ],
  nanotechnology: [
    'hạt nano bạc kháng khuẩn|antibacterial silver nanoparticles',
    'màng lọc nano|nanofiltration membrane',
    'vật liệu graphene|graphene material',
  ],
  food_beverage_engineering: [
    'bảo quản trái cây sau thu hoạch|post harvest fruit preservation',
    'sấy lạnh nông sản|freeze drying of produce',
    'chế biến nước mắm|fish sauce processing',
    'sản xuất trà thảo dược|herbal tea production',
  ],
  digital_technology: [
    'trí tuệ nhân tạo|artificial intelligence',
    'nền tảng thương mại điện tử|ecommerce platform',
    'chuyển đổi số doanh nghiệp|enterprise digital transformation',
    'internet vạn vật|internet of things',
    'chuỗi khối truy xuất nguồn gốc|blockchain traceability',
  ],
  other_engineering: [
    'in 3D kim loại|metal 3D printing',
    'hệ thống giao thông thông minh|intelligent transport system',
  ],
  basic_medicine: [
    'mô hình bệnh lý trên chuột|mouse disease model',
    'nghiên cứu tế bào gốc|stem cell research',
  ],
  clinical_medicine: [
    'phác đồ điều trị ung thư|cancer treatment protocol',
    'phục hồi chức năng sau đột quỵ|post stroke rehabilitation',
    'chẩn đoán hình ảnh|medical imaging diagnosis',
  ],
  pharmacy: [
    'bào chế thuốc từ dược liệu|herbal medicine formulation',
    'viên nang giải phóng chậm|slow release capsule',
    'cao chiết xuất nghệ|turmeric extract',
  ],
  health_sciences: [
    'dinh dưỡng học đường|school nutrition',
    'y tế từ xa|telemedicine',
    'kiểm soát nhiễm khuẩn bệnh viện|hospital infection control',
  ],
  medical_biotechnology: [
    'kit xét nghiệm nhanh|rapid test kit',
    'vắc xin tái tổ hợp|recombinant vaccine',
    'kháng thể đơn dòng|monoclonal antibody',
  ],
  other_medical: ['y học cổ truyền|traditional medicine', 'châm cứu điện|electro acupuncture'],
  crop_science: [
    'giống lúa chịu mặn|salt tolerant rice variety',
    'tưới nhỏ giọt tiết kiệm nước|water saving drip irrigation',
    'canh tác cà phê bền vững|sustainable coffee farming',
    'phòng trừ sâu bệnh sinh học|biological pest control',
  ],
  animal_dairy_science: [
    'chăn nuôi bò sữa|dairy cattle farming',
    'thức ăn chăn nuôi lên men|fermented animal feed',
    'chuồng trại lợn khép kín|closed pig housing',
  ],
  veterinary_science: [
    'vắc xin dịch tả lợn châu Phi|African swine fever vaccine',
    'chẩn đoán bệnh gia cầm|poultry disease diagnosis',
  ],
  forestry: [
    'nhân giống keo lai|hybrid acacia propagation',
    'chế biến gỗ rừng trồng|plantation timber processing',
    'phòng cháy rừng|forest fire prevention',
  ],
  fisheries: [
    'nuôi tôm thẻ chân trắng|whiteleg shrimp farming',
    'nuôi cá tra tuần hoàn|recirculating pangasius farming',
    'thức ăn thủy sản|aquaculture feed',
  ],
  agricultural_biotechnology: [
    'chỉ thị phân tử chọn giống|molecular marker breeding',
    'chế phẩm Trichoderma|Trichoderma bio product',
    'nấm đông trùng hạ thảo|cordyceps cultivation',
  ],
  high_tech_agriculture: [
    'nhà kính thông minh|smart greenhouse',
    'thủy canh rau sạch|hydroponic vegetables',
    'máy bay không người lái phun thuốc|crop spraying drone',
    'cảm biến độ ẩm đất|soil moisture sensor',
  ],
  other_agricultural: ['kinh tế trang trại|farm economics', 'bảo quản hạt giống|seed storage'],
  psychology: [
    'đánh giá sức khỏe tâm thần|mental health assessment',
    'tư vấn tâm lý học đường|school counselling',
  ],
  economics_business: [
    'mô hình kinh doanh tuần hoàn|circular business model',
    'định giá tài sản trí tuệ|intellectual property valuation',
    'quản trị chuỗi cung ứng|supply chain management',
  ],
  educational_sciences: [
    'học liệu số|digital learning materials',
    'đào tạo nghề trực tuyến|online vocational training',
  ],
  sociology: [
    'khảo sát di cư lao động|labour migration survey',
    'phát triển cộng đồng nông thôn|rural community development',
  ],
  law: [
    'chuyển giao công nghệ theo hợp đồng|contractual technology transfer',
    'bảo hộ sở hữu trí tuệ|intellectual property protection',
  ],
  political_science: [
    'chính sách khoa học công nghệ|science and technology policy',
    'quản trị đô thị|urban governance',
  ],
  geography: [
    'quy hoạch sử dụng đất|land use planning',
    'hệ thống thông tin địa lý|geographic information system',
  ],
  media_communications: [
    'truyền thông khoa học|science communication',
    'phân tích mạng xã hội|social media analytics',
  ],
  other_social: ['thống kê xã hội|social statistics', 'đo lường đổi mới sáng tạo|innovation measurement'],
  history_archaeology: [
    'số hóa di sản văn hóa|cultural heritage digitisation',
    'bảo tồn di tích|monument conservation',
  ],
  languages_literature: [
    'xử lý ngôn ngữ tự nhiên tiếng Việt|Vietnamese natural language processing',
    'từ điển điện tử song ngữ|bilingual electronic dictionary',
  ],
  philosophy_ethics_religion: ['đạo đức trí tuệ nhân tạo|AI ethics', 'đạo đức nghiên cứu|research ethics'],
  arts: ['thiết kế đồ họa số|digital graphic design', 'phục chế tranh sơn mài|lacquer painting restoration'],
  other_humanities: ['văn hóa ẩm thực|culinary culture', 'du lịch di sản|heritage tourism'],
};

export const TITLE_HEADS_VI = [
  'Công nghệ',
  'Quy trình',
  'Hệ thống',
  'Thiết bị',
  'Giải pháp',
  'Mô hình',
  'Dây chuyền',
  'Phần mềm',
];
export const TITLE_HEADS_EN = [
  'Technology for',
  'Process for',
  'System for',
  'Equipment for',
  'Solution for',
  'Platform for',
];
export const DEMAND_HEADS_VI = [
  'Cần tìm',
  'Đặt hàng nghiên cứu',
  'Tìm đối tác',
  'Cần chuyển giao',
  'Tìm giải pháp',
];
export const DEMAND_HEADS_EN = ['Seeking', 'Looking for', 'Call for proposals on', 'Need a partner for'];

export const QUALIFIERS_VI = [
  'quy mô nhỏ',
  'tiết kiệm năng lượng',
  'chi phí thấp',
  'thân thiện môi trường',
  'tự động hóa',
  'hiệu suất cao',
  'cho hộ gia đình',
  'cho khu công nghiệp',
  'cho làng nghề',
  'cho hợp tác xã',
  'đạt chuẩn quốc tế',
  'công suất lớn',
  'vùng đồng bằng sông Cửu Long',
  'miền núi phía Bắc',
  'ven biển miền Trung',
  'Tây Nguyên',
];
export const QUALIFIERS_EN = [
  'at small scale',
  'with low energy use',
  'at low cost',
  'environmentally friendly',
  'fully automated',
  'high efficiency',
  'for households',
  'for industrial parks',
  'for craft villages',
  'for cooperatives',
  'to international standards',
];

export const SENTENCES_VI = [
  'Kết quả nghiên cứu đã được thử nghiệm thành công tại {place}.',
  'Giải pháp giúp giảm {percent}% chi phí vận hành so với phương pháp truyền thống.',
  'Công nghệ do nhóm nghiên cứu của viện phát triển trong {years} năm.',
  'Sản phẩm đã được cấp bằng độc quyền sáng chế và sẵn sàng chuyển giao.',
  'Doanh nghiệp cần đối tác có năng lực triển khai tại {place}.',
  'Hệ thống vận hành ổn định, dễ bảo trì và phù hợp điều kiện Việt Nam.',
  'Quy trình sử dụng nguyên liệu sẵn có trong nước, thay thế hàng nhập khẩu.',
  'Mô hình đã áp dụng cho hơn {count} cơ sở sản xuất.',
  'Yêu cầu kỹ thuật: công suất tối thiểu {count} đơn vị mỗi ngày, tiêu chuẩn an toàn lao động.',
  'Đơn vị sở hữu có thể hỗ trợ đào tạo, lắp đặt và bảo hành sau chuyển giao.',
  'Hiện trạng: dây chuyền cũ tiêu tốn nhiều điện năng và gây ô nhiễm.',
  'Kết quả mong muốn: nâng cao năng suất, chất lượng sản phẩm và giảm phát thải.',
  'Ứng dụng trí tuệ nhân tạo để giám sát và điều khiển từ xa.',
  'Nguồn kinh phí từ chương trình khoa học công nghệ cấp thành phố.',
];
export const SENTENCES_EN = [
  'The results were field tested successfully in {place}.',
  'The solution cuts operating costs by {percent}% compared with conventional methods.',
  'Developed by a university research group over {years} years.',
  'A patent has been granted and the technology is ready for transfer.',
  'We need a partner able to deploy in {place}.',
  'Easy to maintain and suited to local conditions.',
  'Already adopted by more than {count} production sites.',
  'Expected outcome: higher productivity, better quality and lower emissions.',
];

export const PLACES = [
  'Hà Nội',
  'Đà Nẵng',
  'Cần Thơ',
  'Hải Phòng',
  'Thái Nguyên',
  'Đắk Lắk',
  'Lâm Đồng',
  'Nghệ An',
  'Quảng Ninh',
  'Bắc Ninh',
];
