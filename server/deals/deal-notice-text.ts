/**
 * The words of the notifications about a deal's steps, in both languages: the recipient reads
 * the one of their language, in the bell and in the mail. `deal` is how the deal is named:
 * its reference and the listing's title.
 */
import type { Label } from '../api-contract/taxonomy';
import type { Currency } from '../api-contract/enums';
import { formatMoney } from '../fees';

export interface Notice {
  title: Label;
  body: Label;
}

export interface Money {
  amount: number;
  currency: Currency;
}

const money = (m: Money): Label => ({
  vi: formatMoney(m.amount, m.currency, 'vi'),
  en: formatMoney(m.amount, m.currency, 'en'),
});

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** The milestone steps someone is told of, and what they are asked to do next. */
export type MilestoneStep =
  | 'delivered'
  | 'changes_requested'
  | 'accepted'
  | 'disputed'
  | 'resolved'
  | 'payment_recorded'
  | 'payment_confirmed';

const MILESTONE_STEP_WORDS: Record<MilestoneStep, Label & { next: Label }> = {
  delivered: {
    vi: 'đã được giao',
    en: 'was delivered',
    next: {
      vi: 'Hãy nghiệm thu hoặc yêu cầu chỉnh sửa; nếu không phản hồi, mốc sẽ được tự động nghiệm thu.',
      en: 'Accept it or request changes; left unanswered, it is accepted automatically.',
    },
  },
  changes_requested: {
    vi: 'cần chỉnh sửa',
    en: 'needs changes',
    next: {
      vi: 'Bên mua đã yêu cầu chỉnh sửa; hãy giao lại.',
      en: 'The buyer asked for changes: deliver it again.',
    },
  },
  accepted: {
    vi: 'đã được nghiệm thu',
    en: 'was accepted',
    next: {
      vi: 'Bên mua ghi nhận khoản thanh toán cho mốc, bên bán xác nhận đã nhận; phí dịch vụ của mốc (nếu có) thanh toán trên trang giao dịch.',
      en: 'The buyer records paying for the milestone and the seller confirms receiving it; any exchange fee on it is paid from the deal page.',
    },
  },
  payment_recorded: {
    vi: 'đã được bên mua thanh toán',
    en: 'was paid for by the buyer',
    next: {
      vi: 'Hãy xác nhận khi đã nhận được tiền.',
      en: 'Confirm once you have received it.',
    },
  },
  payment_confirmed: {
    vi: 'đã được bên bán xác nhận nhận tiền',
    en: 'payment was confirmed received by the seller',
    next: {
      vi: 'Mốc được tất toán khi phí dịch vụ của mốc (nếu có) đã được thanh toán.',
      en: 'The milestone is settled once any exchange fee on it is paid.',
    },
  },
  disputed: {
    vi: 'đang tranh chấp',
    en: 'is disputed',
    next: {
      vi: 'Môi giới hoặc quản trị viên sàn sẽ xem xét và quyết định.',
      en: 'The broker or an operator will look into it and decide.',
    },
  },
  resolved: {
    vi: 'đã được giải quyết tranh chấp',
    en: 'dispute was resolved',
    next: { vi: 'Xem kết quả trong trang giao dịch.', en: 'See the outcome on the deal page.' },
  },
};

export const DEAL_NOTICE = {
  bidReceived: (listing: string, kind: 'offer' | 'demand'): Notice =>
    kind === 'offer'
      ? {
          title: { vi: `Có giá mới cho công nghệ của bạn: ${listing}`, en: `New bid received: ${listing}` },
          body: {
            vi: 'Một tổ chức vừa đặt giá; bạn có thể xem, chọn vào danh sách rút gọn hoặc chấp nhận.',
            en: 'An organization placed a bid: you can review, shortlist or accept it.',
          },
        }
      : {
          title: { vi: `Có hồ sơ đề xuất mới: ${listing}`, en: `New proposal received: ${listing}` },
          body: {
            vi: 'Một tổ chức vừa gửi đề xuất cho nhu cầu của bạn.',
            en: 'An organization sent a proposal for your demand.',
          },
        },
  opened: (deal: string, org: string): Notice => ({
    title: { vi: `Mở đàm phán mới: ${deal}`, en: `Negotiation opened: ${deal}` },
    body: {
      vi: `${org} muốn đàm phán trực tiếp về tin của bạn; phòng đàm phán đã mở.`,
      en: `${org} opened a negotiation on your listing; its room is open.`,
    },
  }),
  termsProposed: (deal: string, version: number, price: Money): Notice => {
    const p = money(price);
    return {
      title: {
        vi: `Điều khoản mới (phiên bản ${version}): ${deal}`,
        en: `New term sheet (version ${version}): ${deal}`,
      },
      body: {
        vi: `Giá đề xuất ${p.vi}. Hãy xem và chấp nhận hoặc đề xuất lại trong phòng đàm phán.`,
        en: `Proposed price ${p.en}. Review it and accept or counter in the negotiation room.`,
      },
    };
  },
  termsAccepted: (deal: string, version: number): Notice => ({
    title: {
      vi: `Bên kia đã chấp nhận điều khoản phiên bản ${version}: ${deal}`,
      en: `The other party accepted term sheet version ${version}: ${deal}`,
    },
    body: {
      vi: 'Chấp nhận cùng phiên bản này để đạt thỏa thuận.',
      en: 'Accept the same version to reach an agreement.',
    },
  }),
  agreed: (deal: string): Notice => ({
    title: { vi: `Đã đạt thỏa thuận: ${deal}`, en: `Agreement reached: ${deal}` },
    body: {
      vi: 'Hai bên đã chấp nhận cùng một bản điều khoản.',
      en: 'Both parties accepted the same term sheet.',
    },
  }),
  feeDue: (deal: string, owed: Money[]): Notice => {
    const list = (l: 'vi' | 'en') => owed.map((m) => money(m)[l]).join(', ');
    return {
      title: { vi: `Đến hạn thanh toán phí: ${deal}`, en: `Fees due: ${deal}` },
      body: owed.length
        ? {
            vi: `Phí bạn cần thanh toán: ${list('vi')}. Thanh toán bằng thẻ hoặc chuyển khoản trong trang giao dịch.`,
            en: `Your fees: ${list('en')}. Pay by card or bank transfer on the deal's page.`,
          }
        : {
            vi: 'Giao dịch đang chờ bên kia thanh toán phí.',
            en: 'The deal is waiting for the other party to pay its fees.',
          },
    };
  },
  paymentReceived: (deal: string, paid: Money): Notice => {
    const p = money(paid);
    return {
      title: { vi: `Đã nhận thanh toán: ${deal}`, en: `Payment received: ${deal}` },
      body: {
        vi: `Sàn đã nhận khoản thanh toán ${p.vi}.`,
        en: `The exchange received a payment of ${p.en}.`,
      },
    };
  },
  closedWon: (deal: string): Notice => ({
    title: { vi: `Giao dịch hoàn tất: ${deal}`, en: `Deal closed: ${deal}` },
    body: { vi: 'Mọi khoản phí đã được thanh toán.', en: 'Every fee has been paid.' },
  }),
  delivering: (deal: string): Notice => ({
    title: { vi: `Bắt đầu chuyển giao theo các mốc: ${deal}`, en: `Delivery started: ${deal}` },
    body: {
      vi: 'Phí đã được thanh toán; bên bán giao từng mốc, bên mua nghiệm thu.',
      en: 'The fees are paid: the seller delivers each milestone and the buyer accepts it.',
    },
  }),
  milestone: (deal: string, n: number, title: string, step: MilestoneStep): Notice => {
    const what = MILESTONE_STEP_WORDS[step];
    return {
      title: {
        vi: `Mốc ${n} (${title}) ${what.vi}: ${deal}`,
        en: `Milestone ${n} (${title}) ${what.en}: ${deal}`,
      },
      body: { vi: what.next.vi, en: what.next.en },
    };
  },
  closedLost: (deal: string): Notice => ({
    title: { vi: `Giao dịch kết thúc không thành: ${deal}`, en: `Deal ended without agreement: ${deal}` },
    body: { vi: 'Một bên đã rút khỏi đàm phán.', en: 'A party walked away from the negotiation.' },
  }),
  cancelled: (deal: string, reason: Label): Notice => ({
    title: { vi: `Giao dịch đã bị hủy: ${deal}`, en: `Deal cancelled: ${deal}` },
    body: reason.vi ? { vi: `Lý do: ${reason.vi}`, en: `Reason: ${reason.en}` } : { vi: '', en: '' },
  }),
  brokerAssigned: (deal: string, broker: string): Notice => ({
    title: { vi: `Đã chỉ định môi giới ${broker}: ${deal}`, en: `Broker ${broker} assigned: ${deal}` },
    body: {
      vi: 'Môi giới sẽ hỗ trợ hai bên trong phòng đàm phán.',
      en: 'The broker will help both parties in the negotiation room.',
    },
  }),
  brokerProposed: (deal: string, broker: string): Notice => ({
    title: { vi: `Bên kia đề xuất môi giới ${broker}: ${deal}`, en: `Broker ${broker} proposed: ${deal}` },
    body: {
      vi: 'Môi giới chỉ tham gia giao dịch khi bạn cũng chọn người này.',
      en: 'The broker takes part in the deal only once you name them too.',
    },
  }),
  youAreBroker: (deal: string): Notice => ({
    title: { vi: `Bạn được chỉ định làm môi giới: ${deal}`, en: `You are now the broker of: ${deal}` },
    body: {
      vi: 'Hãy vào phòng đàm phán để hỗ trợ hai bên.',
      en: 'Open the negotiation room to help both parties.',
    },
  }),
  message: (deal: string, author: string, text: string): Notice => ({
    title: { vi: `Tin nhắn mới từ ${author}: ${deal}`, en: `New message from ${author}: ${deal}` },
    body: { vi: excerpt(text), en: excerpt(text) },
  }),
} as const;

/** How a notification names a deal: its reference (when it has one) and the listing's title. */
export function dealName(deal: { reference?: string | null; listingTitle: string }): string {
  return deal.reference ? `${deal.reference} · ${deal.listingTitle}` : deal.listingTitle;
}
