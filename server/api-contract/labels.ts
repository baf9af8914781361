/**
 * Vietnamese and English labels of the closed vocabularies, for the client and for receipts.
 * Free of Node and browser dependencies, and of the rest of the server.
 * Fields and provinces carry their own labels (taxonomy.ts, enums.ts).
 */
import type {
  Currency,
  DemandMode,
  IpStatus,
  ListingKind,
  ListingStatus,
  Locale,
  OrganizationKind,
  PricingModel,
  TransferMode,
  UserRole,
  BidStatus,
  DealRole,
  DealStatus,
  PaymentProvider,
  PaymentPurpose,
  PaymentStatus,
  OutcomeReason,
} from './enums';
import type { Label } from './taxonomy';

export const IP_STATUS_LABELS: Readonly<Record<IpStatus, Label>> = {
  patent_granted: { vi: 'Đã được cấp bằng độc quyền sáng chế', en: 'Patent granted' },
  patent_pending: { vi: 'Đang nộp đơn đăng ký sáng chế', en: 'Patent pending' },
  utility_solution: { vi: 'Giải pháp hữu ích', en: 'Utility solution' },
  industrial_design: { vi: 'Kiểu dáng công nghiệp', en: 'Industrial design' },
  trade_secret: { vi: 'Bí mật kinh doanh', en: 'Trade secret' },
  copyright: { vi: 'Quyền tác giả', en: 'Copyright' },
  none: { vi: 'Chưa được bảo hộ', en: 'Not protected' },
};

export const OUTCOME_REASON_LABELS: Readonly<Record<OutcomeReason, Label>> = {
  price_too_high: { vi: 'Giá quá cao', en: 'Price too high' },
  trl_too_low: { vi: 'Công nghệ chưa đủ chín (TRL thấp)', en: 'Technology not mature enough (TRL too low)' },
  ip_unclear: { vi: 'Quyền sở hữu trí tuệ chưa rõ', en: 'Intellectual property unclear' },
  terms: { vi: 'Điều khoản không chấp nhận được', en: 'Terms not acceptable' },
  timing: { vi: 'Thời điểm chưa phù hợp', en: 'Timing' },
  other: { vi: 'Lý do khác', en: 'Other' },
};

export const TRANSFER_MODE_LABELS: Readonly<Record<TransferMode, Label>> = {
  license_exclusive: { vi: 'Li-xăng độc quyền', en: 'Exclusive licence' },
  license_non_exclusive: { vi: 'Li-xăng không độc quyền', en: 'Non-exclusive licence' },
  assignment: { vi: 'Chuyển nhượng quyền sở hữu', en: 'Assignment of ownership' },
  joint_venture: { vi: 'Liên doanh, góp vốn bằng công nghệ', en: 'Joint venture' },
  co_development: { vi: 'Hợp tác nghiên cứu, phát triển', en: 'Co-development' },
  consulting: { vi: 'Tư vấn, hỗ trợ kỹ thuật', en: 'Consulting and technical assistance' },
  turnkey: { vi: 'Chuyển giao trọn gói (chìa khóa trao tay)', en: 'Turnkey transfer' },
};

export const PRICING_MODEL_LABELS: Readonly<Record<PricingModel, Label>> = {
  fixed: { vi: 'Giá cố định', en: 'Fixed price' },
  negotiable: { vi: 'Thương lượng', en: 'Negotiable' },
  auction: { vi: 'Đấu giá', en: 'Auction' },
};

export const DEMAND_MODE_LABELS: Readonly<Record<DemandMode, Label>> = {
  open: { vi: 'Nhu cầu mở', en: 'Open demand' },
  call_for_proposals: { vi: 'Đặt hàng, gọi đề xuất (hồ sơ niêm phong)', en: 'Call for proposals (sealed)' },
};

export const LISTING_KIND_LABELS: Readonly<Record<ListingKind, Label>> = {
  offer: { vi: 'Chào bán công nghệ', en: 'Technology offer' },
  demand: { vi: 'Nhu cầu công nghệ', en: 'Technology demand' },
};

export const LISTING_STATUS_LABELS: Readonly<Record<ListingStatus, Label>> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  pending_review: { vi: 'Chờ duyệt', en: 'Awaiting review' },
  published: { vi: 'Đã đăng', en: 'Published' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  expired: { vi: 'Hết hạn', en: 'Expired' },
};

export const BID_STATUS_LABELS: Readonly<Record<BidStatus, Label>> = {
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  shortlisted: { vi: 'Vào danh sách rút gọn', en: 'Shortlisted' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  accepted: { vi: 'Được chấp nhận', en: 'Accepted' },
};

export const DEAL_STATUS_LABELS: Readonly<Record<DealStatus, Label>> = {
  negotiating: { vi: 'Đang đàm phán', en: 'Negotiating' },
  agreed: { vi: 'Đã thống nhất', en: 'Agreed' },
  awaiting_payment: { vi: 'Chờ thanh toán', en: 'Awaiting payment' },
  delivering: { vi: 'Đang chuyển giao', en: 'Delivering' },
  closed_won: { vi: 'Thành công', en: 'Closed (won)' },
  closed_lost: { vi: 'Không thành', en: 'Closed (lost)' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const DEAL_ROLE_LABELS: Readonly<Record<DealRole, Label>> = {
  seller: { vi: 'Bên bán', en: 'Seller' },
  buyer: { vi: 'Bên mua', en: 'Buyer' },
  broker: { vi: 'Môi giới', en: 'Broker' },
  admin: { vi: 'Quản trị sàn', en: 'Operator' },
  system: { vi: 'Hệ thống', en: 'System' },
  outsider: { vi: 'Bên ngoài', en: 'Outsider' },
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, Label>> = {
  pending: { vi: 'Chờ thanh toán', en: 'Pending' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  failed: { vi: 'Thất bại', en: 'Failed' },
  refunded: { vi: 'Đã hoàn tiền', en: 'Refunded' },
};

export const PAYMENT_PURPOSE_LABELS: Readonly<Record<PaymentPurpose, Label>> = {
  success_fee: { vi: 'Phí giao dịch thành công', en: 'Success fee' },
  listing_fee: { vi: 'Phí đăng tin', en: 'Listing fee' },
  broker_commission: { vi: 'Hoa hồng môi giới', en: 'Broker commission' },
  appraisal_fee: { vi: 'Phí thẩm định công nghệ', en: 'Appraisal fee' },
  expert_share: { vi: 'Thù lao chuyên gia thẩm định', en: "Expert's share" },
  bid_deposit: { vi: 'Tiền đặt cọc tham gia đấu giá', en: 'Bid deposit' },
  royalty_fee: { vi: 'Phí giao dịch trên tiền bản quyền', en: 'Fee on a royalty' },
};

export const PAYMENT_PROVIDER_LABELS: Readonly<Record<PaymentProvider, Label>> = {
  stripe: { vi: 'Thẻ (Stripe)', en: 'Card (Stripe)' },
  bank_transfer: { vi: 'Chuyển khoản ngân hàng', en: 'Bank transfer' },
};

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, Label>> = {
  institute: { vi: 'Viện nghiên cứu', en: 'Research institute' },
  university: { vi: 'Trường đại học', en: 'University' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  broker_firm: { vi: 'Tổ chức trung gian môi giới', en: 'Brokerage firm' },
};

export const USER_ROLE_LABELS: Readonly<Record<UserRole, Label>> = {
  member: { vi: 'Thành viên', en: 'Member' },
  broker: { vi: 'Nhà môi giới', en: 'Broker' },
  expert: { vi: 'Chuyên gia thẩm định', en: 'Appraisal expert' },
  admin: { vi: 'Quản trị sàn', en: 'Operator' },
};

export const CURRENCY_LABELS: Readonly<Record<Currency, Label>> = {
  VND: { vi: 'Đồng Việt Nam (VND)', en: 'Vietnamese dong (VND)' },
  USD: { vi: 'Đô la Mỹ (USD)', en: 'US dollar (USD)' },
};

export const LOCALE_LABELS: Readonly<Record<Locale, Label>> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
};

/**
 * The label of `code` in `locale` from one of the tables above; the code itself when the
 * table has no entry (so an unexpected value shows up instead of vanishing).
 */
export function labelOf(table: Readonly<Record<string, Label>>, code: string, locale: Locale): string {
  return Object.hasOwn(table, code) ? table[code][locale] : code;
}
