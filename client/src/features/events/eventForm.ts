/** The operator's event form: its state, and the body `POST /api/admin/events` takes from it. */
import type { FieldCode } from '@contract/taxonomy';
import { isoToLocalInput, localInputToIso } from '../../dates';
import type { Issues } from '../../validation';
import { periodsOf, type PeriodRow } from './periodRows';
import type { FairEvent, NewEvent } from './eventTypes';

export interface EventFormState {
  title: string;
  titleEn: string;
  description: string;
  startsAt: string;
  endsAt: string;
  registrationClosesAt: string;
  online: boolean;
  venue: string;
  tables: string;
  capacity: string;
  slotMinutes: string;
  fields: FieldCode[];
  breaks: PeriodRow[];
}

export const emptyEventForm = (): EventFormState => ({
  title: '',
  titleEn: '',
  description: '',
  startsAt: '',
  endsAt: '',
  registrationClosesAt: '',
  online: true,
  venue: '',
  tables: '',
  capacity: '',
  slotMinutes: '20',
  fields: [],
  breaks: [],
});

/** The form filled with an event as it stands, for an operator's edit. */
export function eventFormOf(e: FairEvent): EventFormState {
  return {
    title: e.title,
    titleEn: e.titleEn ?? '',
    description: e.description,
    startsAt: isoToLocalInput(e.startsAt),
    endsAt: isoToLocalInput(e.endsAt),
    registrationClosesAt: isoToLocalInput(e.registrationClosesAt),
    online: e.online,
    venue: e.venue ?? '',
    tables: e.tables ? String(e.tables) : '',
    capacity: e.capacity ? String(e.capacity) : '',
    slotMinutes: String(e.slotMinutes),
    fields: e.fields,
    breaks: e.breaks.map((b) => ({ from: isoToLocalInput(b.from), to: isoToLocalInput(b.to) })),
  };
}

export function checkEventForm(s: EventFormState): Issues {
  const issues: Issues = {};
  if (!s.title.trim()) issues.title = { key: 'required' };
  for (const name of ['startsAt', 'endsAt', 'registrationClosesAt'] as const)
    if (!localInputToIso(s[name])) issues[name] = { key: 'date' };
  if (s.fields.length === 0) issues.fields = { key: 'atLeastOne' };
  if (!s.online && !s.venue.trim()) issues.venue = { key: 'required' };
  if (!s.online && !(Number(s.tables) >= 1))
    issues.tables = { key: 'integerRange', params: { min: 1, max: 1000 } };
  return issues;
}

export function eventBodyOf(s: EventFormState): NewEvent {
  const number = (v: string) => (v.trim() ? Number(v) : undefined);
  return {
    title: s.title.trim(),
    ...(s.titleEn.trim() ? { titleEn: s.titleEn.trim() } : {}),
    description: s.description.trim(),
    startsAt: localInputToIso(s.startsAt) ?? '',
    endsAt: localInputToIso(s.endsAt) ?? '',
    registrationClosesAt: localInputToIso(s.registrationClosesAt) ?? '',
    online: s.online,
    ...(s.online ? {} : { venue: s.venue.trim(), tables: number(s.tables) }),
    ...(s.capacity.trim() ? { capacity: number(s.capacity) } : {}),
    slotMinutes: number(s.slotMinutes),
    fields: s.fields,
    breaks: periodsOf(s.breaks),
  };
}
