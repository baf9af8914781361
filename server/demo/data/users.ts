/** Demo users: one or two members per organization and two brokers. The operator (admin) comes from env. */
import type { DemoUser } from './types';

/** The one password every demo account shares; never used outside demo and test data. */
export const DEMO_PASSWORD = 'demo-Password-2026';

export const DEMO_USERS: readonly DemoUser[] = [
  // Institutes
  { key: 'hung-vcnmt', email: 'hung@vcnmt.example.vn', name: 'Nguyễn Văn Hùng', organizationKey: 'vcnmt', role: 'member', locale: 'vi' },
  { key: 'thao-vcnmt', email: 'thao@vcnmt.example.vn', name: 'Lê Thị Phương Thảo', organizationKey: 'vcnmt', role: 'member', locale: 'vi' },
  { key: 'minh-vdtnn', email: 'minh@vdtnn.example.vn', name: 'Trần Đức Minh', organizationKey: 'vdtnn', role: 'member', locale: 'vi' },
  { key: 'ha-vdtnn', email: 'ha@vdtnn.example.vn', name: 'Phạm Thu Hà', organizationKey: 'vdtnn', role: 'member', locale: 'en' },
  { key: 'khoa-vcnsh', email: 'khoa@vcnsh.example.vn', name: 'Võ Đăng Khoa', organizationKey: 'vcnsh', role: 'member', locale: 'vi' },
  { key: 'tuan-vchtd', email: 'tuan@vchtd.example.vn', name: 'Hoàng Anh Tuấn', organizationKey: 'vchtd', role: 'member', locale: 'vi' },
  { key: 'quang-vchtd', email: 'quang@vchtd.example.vn', name: 'Đặng Nhật Quang', organizationKey: 'vchtd', role: 'member', locale: 'en' },
  { key: 'son-vnltt', email: 'son@vnltt.example.vn', name: 'Bùi Thanh Sơn', organizationKey: 'vnltt', role: 'member', locale: 'vi' },
  { key: 'lan-vdlb', email: 'lan@vdlb.example.vn', name: 'Kha Thị Ngọc Lan', organizationKey: 'vdlb', role: 'member', locale: 'vi' },

  // Universities
  { key: 'dung-dhkt', email: 'dung@dhkt-hathanh.example.vn', name: 'Ngô Tiến Dũng', organizationKey: 'dhkt-hathanh', role: 'member', locale: 'vi' },
  { key: 'linh-dhkt', email: 'linh@dhkt-hathanh.example.vn', name: 'Vũ Khánh Linh', organizationKey: 'dhkt-hathanh', role: 'member', locale: 'en' },
  { key: 'cuong-dhnl', email: 'cuong@dhnl-vietbac.example.vn', name: 'Ma Văn Cường', organizationKey: 'dhnl-vietbac', role: 'member', locale: 'vi' },
  { key: 'hoa-dhnl', email: 'hoa@dhnl-vietbac.example.vn', name: 'Nông Thị Hoa', organizationKey: 'dhnl-vietbac', role: 'member', locale: 'vi' },
  { key: 'phuc-dhmk', email: 'phuc@dh-mekong.example.vn', name: 'Huỳnh Văn Phúc', organizationKey: 'dh-mekong', role: 'member', locale: 'vi' },
  { key: 'ngoc-dhmk', email: 'ngoc@dh-mekong.example.vn', name: 'Trương Bảo Ngọc', organizationKey: 'dh-mekong', role: 'member', locale: 'en' },
  { key: 'an-dhyd', email: 'an@dhyd-namsaigon.example.vn', name: 'Lâm Thiên An', organizationKey: 'dhyd-namsaigon', role: 'member', locale: 'vi' },
  { key: 'trang-dhyd', email: 'trang@dhyd-namsaigon.example.vn', name: 'Đỗ Huyền Trang', organizationKey: 'dhyd-namsaigon', role: 'member', locale: 'en' },
  { key: 'vy-dhxh', email: 'vy@dhxhnv-songhan.example.vn', name: 'Phan Tường Vy', organizationKey: 'dhxhnv-songhan', role: 'member', locale: 'vi' },
  { key: 'bao-dhxh', email: 'bao@dhxhnv-songhan.example.vn', name: 'Tôn Thất Bảo', organizationKey: 'dhxhnv-songhan', role: 'member', locale: 'vi' },

  // Enterprises
  { key: 'tam-tsmk', email: 'tam@thuysan-mekong.example.vn', name: 'Lý Minh Tâm', organizationKey: 'thuysan-mekong', role: 'member', locale: 'vi' },
  { key: 'nhung-tsmk', email: 'nhung@thuysan-mekong.example.vn', name: 'Châu Thị Hồng Nhung', organizationKey: 'thuysan-mekong', role: 'member', locale: 'vi' },
  { key: 'thang-bsbv', email: 'thang@bosua-bavi.example.vn', name: 'Kiều Quốc Thắng', organizationKey: 'bosua-bavi', role: 'member', locale: 'vi' },
  { key: 'long-ckdh', email: 'long@cokhi-duyenhai.example.vn', name: 'Đinh Hải Long', organizationKey: 'cokhi-duyenhai', role: 'member', locale: 'vi' },
  { key: 'mai-ckdh', email: 'mai@cokhi-duyenhai.example.vn', name: 'Tạ Thanh Mai', organizationKey: 'cokhi-duyenhai', role: 'member', locale: 'en' },
  { key: 'hieu-dnkb', email: 'hieu@detnhuom-kinhbac.example.vn', name: 'Nguyễn Trung Hiếu', organizationKey: 'detnhuom-kinhbac', role: 'member', locale: 'vi' },
  { key: 'yen-nnlb', email: 'yen@nongnghiep-langbiang.example.vn', name: 'Trịnh Hải Yến', organizationKey: 'nongnghiep-langbiang', role: 'member', locale: 'vi' },
  { key: 'dat-mtsh', email: 'dat@moitruong-songhan.example.vn', name: 'Lương Công Đạt', organizationKey: 'moitruong-songhan', role: 'member', locale: 'vi' },
  { key: 'uyen-dscd', email: 'uyen@disan-codo.example.vn', name: 'Hồ Thị Tố Uyên', organizationKey: 'disan-codo', role: 'member', locale: 'vi' },
  { key: 'kien-vs', email: 'kien@vietsense.example.vn', name: 'Mạc Trung Kiên', organizationKey: 'vietsense', role: 'member', locale: 'en' },
  { key: 'giang-vs', email: 'giang@vietsense.example.vn', name: 'Quách Hương Giang', organizationKey: 'vietsense', role: 'member', locale: 'vi' },
  { key: 'binh-dak', email: 'binh@duoc-ankhang.example.vn', name: 'Dương Văn Bình', organizationKey: 'duoc-ankhang', role: 'member', locale: 'vi' },
  { key: 'loc-gps', email: 'loc@giong-phusa.example.vn', name: 'Thạch Văn Lộc', organizationKey: 'giong-phusa', role: 'member', locale: 'vi' },
  { key: 'nam-dtqv', email: 'nam@dientu-quevo.example.vn', name: 'Cao Hoài Nam', organizationKey: 'dientu-quevo', role: 'member', locale: 'vi' },
  { key: 'phong-nx', email: 'phong@nanoxanh.example.vn', name: 'La Văn Phong', organizationKey: 'nanoxanh', role: 'member', locale: 'vi' },

  // Broker firm: two accredited brokers
  { key: 'thu-kncn', email: 'thu@ketnoi-congnghe.example.vn', name: 'Nguyễn Hoài Thu', organizationKey: 'ketnoi-congnghe', role: 'broker', locale: 'vi' },
  { key: 'viet-kncn', email: 'viet@ketnoi-congnghe.example.vn', name: 'Phùng Quốc Việt', organizationKey: 'ketnoi-congnghe', role: 'broker', locale: 'en' },
];
