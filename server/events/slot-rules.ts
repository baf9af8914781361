/**
 * Where an accepted meeting goes: the pure rule of the programme's slots. An event's meeting
 * slots are laid one after another from its start, each `slotMinutes` long; a slot that would run
 * into a break starts at the break's end instead, and a remainder too short for a slot (before a
 * break or the end) is left unused. A meeting takes the earliest slot that lies wholly within both
 * organizations' availability, starts no earlier than `notBefore` (now), overlaps neither
 * organization's accepted meetings and, on site, has a table no accepted meeting uses then (the
 * lowest free table number). Times are milliseconds; every span is half-open, [from, to).
 */

export interface Span {
  from: number;
  to: number;
}

export interface Booking extends Span {
  table?: number;
}

export interface SlotEvent {
  startsAt: number;
  endsAt: number;
  slotMinutes: number;
  breaks: Span[];
  /** On-site tables (none: an online event, where every meeting has its own room). */
  tables?: number;
}

export interface SlotRequest {
  event: SlotEvent;
  /** Each organization's stated availability. */
  availability: [Span[], Span[]];
  /** Each organization's accepted meetings at the event (the one being placed left out). */
  busy: [Span[], Span[]];
  /** The event's accepted meetings that hold a table (on site). */
  tableBookings?: Booking[];
  /** No slot starts before this (the moment of acceptance). */
  notBefore?: number;
}

export type NoSlotReason = 'no_common_availability' | 'no_free_slot' | 'no_free_table';

export type SlotAnswer = { ok: true; slot: Booking } | { ok: false; reason: NoSlotReason };

/** The most slots an event is laid out in (31 days of 5-minute slots fit). */
export const MAX_SLOTS = 10_000;

/** Sorted, with overlapping or touching spans joined; empty and inverted spans dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ from: s.from, to: s.to });
  }
  return merged;
}

export const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

/** Whether `span` lies wholly within one of the (merged) spans. */
function within(span: Span, merged: readonly Span[]): boolean {
  return merged.some((s) => s.from <= span.from && span.to <= s.to);
}

/** The event's meeting slots in time order (see the file's comment). */
export function programmeSlots(event: SlotEvent): Span[] {
  const len = event.slotMinutes * 60_000;
  if (!(len > 0)) return [];
  const breaks = mergeSpans(event.breaks);
  const slots: Span[] = [];
  let t = event.startsAt;
  let i = 0;
  while (t + len <= event.endsAt && slots.length < MAX_SLOTS) {
    while (i < breaks.length && breaks[i].to <= t) i++;
    const next = breaks[i];
    if (next && next.from < t + len) {
      t = Math.max(t, next.to);
      i++;
      continue;
    }
    slots.push({ from: t, to: t + len });
    t += len;
  }
  return slots;
}

/** The earliest slot free for both organizations (and a free table on site), or why there is none. */
export function findSlot(req: SlotRequest): SlotAnswer {
  const notBefore = req.notBefore ?? -Infinity;
  const [availA, availB] = req.availability.map(mergeSpans);
  const common = programmeSlots(req.event).filter(
    (s) => s.from >= notBefore && within(s, availA) && within(s, availB),
  );
  if (common.length === 0) return { ok: false, reason: 'no_common_availability' };
  const [busyA, busyB] = req.busy;
  const free = common.filter((s) => !busyA.some((b) => overlaps(b, s)) && !busyB.some((b) => overlaps(b, s)));
  if (free.length === 0) return { ok: false, reason: 'no_free_slot' };
  const tables = req.event.tables ?? 0;
  if (tables <= 0) return { ok: true, slot: free[0] };
  const bookings = req.tableBookings ?? [];
  for (const slot of free) {
    const taken = new Set(bookings.filter((b) => overlaps(b, slot)).map((b) => b.table));
    for (let table = 1; table <= tables; table++)
      if (!taken.has(table)) return { ok: true, slot: { ...slot, table } };
  }
  return { ok: false, reason: 'no_free_table' };
}

/** The refusal's words for each reason (a 409's message). */
export const NO_SLOT_MESSAGES: Record<NoSlotReason, string> = {
  no_common_availability: 'No meeting slot left at this event lies within both organizations’ availability.',
  no_free_slot:
    'Every meeting slot within both organizations’ availability is already taken by their other meetings.',
  no_free_table: 'Every table is taken in each slot both organizations have free.',
};
