/**
 * The operator's report of an event, read from the event's lists (registrations, meetings, deals
 * opened from its meetings) and the records by `_id`, counted by event-report-rules.ts.
 */
import { cachedDealViews, type DealView } from '../deals';
import {
  dealEventListKey,
  eventRegistrationListKey,
  meetingEventListKey,
  readOwnerList,
} from '../read-models';
import { cachedRegistrations } from './event-registration.store';
import { cachedMeetings } from './meeting.store';
import { loadEvent } from './event.service';
import { eventReport, eventReportTable, type ReportDeal } from './event-report-rules';

const idsOf = async (key: string) => (await readOwnerList(key)).map((e) => e.id);

/** The agreed term sheet's price and currency, for a deal that was agreed. */
function agreedOf(deal: DealView): ReportDeal['agreed'] {
  if (!deal.agreedVersion) return null;
  const sheet = deal.termSheets[deal.agreedVersion - 1] ?? deal.termSheets.at(-1);
  return sheet ? { amount: Math.round(sheet.price), currency: sheet.currency } : null;
}

export async function eventReportFor(eventId: string) {
  const event = await loadEvent(eventId);
  const [regIds, meetingIds, dealIds] = await Promise.all([
    idsOf(eventRegistrationListKey(eventId)),
    idsOf(meetingEventListKey(eventId)),
    idsOf(dealEventListKey(eventId)),
  ]);
  const [regs, meetings, deals] = await Promise.all([
    cachedRegistrations(regIds),
    cachedMeetings(meetingIds),
    cachedDealViews(dealIds),
  ]);
  const report = eventReport({
    registrations: [...regs.values()].filter((r) => r.eventId === eventId),
    meetings: [...meetings.values()].filter((m) => m.eventId === eventId),
    deals: [...deals.values()]
      .filter((d) => d.source?.eventId === eventId)
      .map((d) => ({ agreed: agreedOf(d) })),
    now: new Date(),
  });
  return { event: { id: eventId, title: event.title }, ...report };
}

export async function eventReportExport(eventId: string) {
  const report = await eventReportFor(eventId);
  return eventReportTable(`event-${eventId}`, report);
}
