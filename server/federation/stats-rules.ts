/** Per-partner statistics: counting inquiries and answers by their dates (pure). */

/** How many inquiries and answers went one way, in all and since a moment. */
export interface ExchangeTraffic {
  inquiries: number;
  answers: number;
  recentInquiries: number;
  recentAnswers: number;
}

/** The window the operators' "recent" figures cover. */
export const RECENT_DAYS = 30;

export function recentSince(now: Date): Date {
  return new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
}

export function trafficOf(inquiries: Date[], answers: Date[], since: Date): ExchangeTraffic {
  const recent = (dates: Date[]) => dates.filter((d) => +new Date(d) >= +since).length;
  return {
    inquiries: inquiries.length,
    answers: answers.length,
    recentInquiries: recent(inquiries),
    recentAnswers: recent(answers),
  };
}
