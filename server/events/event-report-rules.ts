/**
 * The operator's report of an event, counted from its records (pure): registrations by role and
 * status; meetings asked for, and each by where it stands now (awaiting an answer, accepted,
 * declined, cancelled), those held (meetingHeld) and the outcomes recorded; deals opened from the
 * event's meetings, those agreed (an agreed term sheet, whatever came after) and their agreed value
 * by currency (integers in the currency's minor unit).
 */
import {
  EVENT_REGISTRATION_STATUSES,
  EVENT_ROLES,
  MEETING_OUTCOMES,
  type EventRegistrationStatus,
  type EventRole,
  type MeetingOutcome,
} from '../api-contract/enums';
import { meetingHeld, type MeetingState } from './meeting-rules';
import type { Table } from '../common/table-export';

export interface ReportDeal {
  /** The agreed term sheet's price and currency; null for a deal never agreed. */
  agreed: { amount: number; currency: string } | null;
}

type StatusCounts = Record<EventRegistrationStatus, number> & { total: number };

export interface EventReport {
  registrations: { total: number } & Record<EventRole, StatusCounts>;
  meetings: {
    requested: number;
    pending: number;
    accepted: number;
    declined: number;
    cancelled: number;
    held: number;
  };
  outcomes: Record<MeetingOutcome, number>;
  deals: { opened: number; agreed: number; value: Record<string, number> };
}

const zeroStatuses = (): StatusCounts =>
  ({ ...Object.fromEntries(EVENT_REGISTRATION_STATUSES.map((s) => [s, 0])), total: 0 }) as StatusCounts;

export function eventReport(input: {
  registrations: readonly { role: EventRole; status: EventRegistrationStatus }[];
  meetings: readonly MeetingState[];
  deals: readonly ReportDeal[];
  now: Date;
}): EventReport {
  const registrations = {
    total: 0,
    exhibitor: zeroStatuses(),
    visitor: zeroStatuses(),
  };
  for (const r of input.registrations) {
    const row = registrations[r.role];
    if (!row) continue;
    row[r.status]++;
    row.total++;
    registrations.total++;
  }
  const meetings = { requested: 0, pending: 0, accepted: 0, declined: 0, cancelled: 0, held: 0 };
  const outcomes = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, 0])) as Record<MeetingOutcome, number>;
  for (const m of input.meetings) {
    meetings.requested++;
    if (m.status === 'requested') meetings.pending++;
    else meetings[m.status]++;
    if (meetingHeld(m, input.now)) meetings.held++;
    for (const o of m.outcomes ?? []) if (o.outcome in outcomes) outcomes[o.outcome]++;
  }
  const value: Record<string, number> = {};
  let agreed = 0;
  for (const d of input.deals) {
    if (!d.agreed) continue;
    agreed++;
    value[d.agreed.currency] = (value[d.agreed.currency] ?? 0) + d.agreed.amount;
  }
  return { registrations, meetings, outcomes, deals: { opened: input.deals.length, agreed, value } };
}

/** The report as a two-column table (metric, value), for the CSV and XLSX exports. */
export function eventReportTable(name: string, r: EventReport): Table {
  const rows: (string | number)[][] = [['registrations', r.registrations.total]];
  for (const role of EVENT_ROLES) {
    rows.push([`registrations_${role}`, r.registrations[role].total]);
    for (const status of EVENT_REGISTRATION_STATUSES)
      rows.push([`registrations_${role}_${status}`, r.registrations[role][status]]);
  }
  for (const [k, v] of Object.entries(r.meetings)) rows.push([`meetings_${k}`, v]);
  for (const [k, v] of Object.entries(r.outcomes)) rows.push([`outcome_${k}`, v]);
  rows.push(['deals_opened', r.deals.opened], ['deals_agreed', r.deals.agreed]);
  for (const [currency, amount] of Object.entries(r.deals.value).sort())
    rows.push([`deals_agreed_value_${currency}`, amount]);
  return { name, columns: ['metric', 'value'], rows };
}
