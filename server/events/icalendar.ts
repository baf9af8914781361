/**
 * An agenda as an iCalendar file (RFC 5545): one VEVENT per meeting with its UID, DTSTAMP,
 * DTSTART and DTEND in UTC, SUMMARY, LOCATION and a display alarm before it. Pure: lines end in
 * CRLF, text values are escaped (backslash, semicolon, comma, newline) and every line longer than
 * 75 octets is folded (a CRLF and a space), never inside a UTF-8 character.
 */

export interface CalendarEntry {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  /** When the entry was made or last changed (DTSTAMP). */
  stamp: Date;
  /** A display alarm this many minutes before the start (none: no alarm). */
  alarmMinutesBefore?: number;
}

export interface CalendarOptions {
  prodId: string;
  name?: string;
}

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

/** `20261203T063000Z`: a UTC date-time (FORM #2). */
export function icsTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets: continuation lines begin with one space (which counts). */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function alarmLines(entry: CalendarEntry): string[] {
  if (entry.alarmMinutesBefore === undefined) return [];
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(entry.summary)}`,
    `TRIGGER:-PT${Math.max(0, Math.round(entry.alarmMinutesBefore))}M`,
    'END:VALARM',
  ];
}

function eventLines(entry: CalendarEntry): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${icsText(entry.uid)}`,
    `DTSTAMP:${icsTime(entry.stamp)}`,
    `DTSTART:${icsTime(entry.start)}`,
    `DTEND:${icsTime(entry.end)}`,
    `SUMMARY:${icsText(entry.summary)}`,
    ...(entry.location ? [`LOCATION:${icsText(entry.location)}`] : []),
    ...(entry.description ? [`DESCRIPTION:${icsText(entry.description)}`] : []),
    ...(entry.url ? [`URL:${entry.url}`] : []),
    ...alarmLines(entry),
    'END:VEVENT',
  ];
}

/** The whole calendar, CRLF after every line (the last one too). */
export function writeCalendar(entries: readonly CalendarEntry[], opts: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${opts.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(opts.name ? [`X-WR-CALNAME:${icsText(opts.name)}`] : []),
    ...entries.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
