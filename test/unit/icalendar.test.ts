/** The agenda's iCalendar writer (server/events/icalendar.ts), parsed back as a calendar client would. */
import assert from 'node:assert/strict';
import { foldLine, icsText, icsTime, writeCalendar } from '../../server/events/icalendar';

/** Unfolds the content lines (RFC 5545 §3.1) and splits each into name and value. */
function parse(text: string) {
  assert.ok(text.endsWith('\r\n'), 'every line ends in CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines)
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `longer than 75 octets: ${line}`);
  const unfolded = text
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
  return unfolded.map((l) => {
    const i = l.indexOf(':');
    return { name: l.slice(0, i), value: l.slice(i + 1) };
  });
}

const unescape = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([\\;,])/g, '$1');

describe('iCalendar agenda writer', () => {
  const stamp = new Date('2027-03-01T08:00:00Z');
  const entries = [
    {
      uid: 'meeting-1@exchange.example',
      start: new Date('2027-03-10T09:00:00Z'),
      end: new Date('2027-03-10T09:20:00Z'),
      stamp,
      summary: 'Gặp Viện Công nghệ Môi trường — Techmart Hà Nội 2027, khu B; bàn 3',
      location: 'Trung tâm Hội nghị Quốc gia — Bàn 3',
      description: 'Về: Công nghệ xử lý nước thải\nChúng tôi muốn tìm hiểu về giấy phép độc quyền.',
      alarmMinutesBefore: 15,
    },
    {
      uid: 'meeting-2@exchange.example',
      start: new Date('2027-03-10T10:00:00Z'),
      end: new Date('2027-03-10T10:20:00Z'),
      stamp,
      summary: 'Meeting with Green Water Co.',
      url: 'https://exchange.example/events/e/meetings/2/room',
      alarmMinutesBefore: 15,
    },
  ];

  it('writes a VCALENDAR with one VEVENT per meeting: UID, DTSTAMP, DTSTART and DTEND in UTC, SUMMARY, LOCATION and a 15-minute alarm', () => {
    const props = parse(
      writeCalendar(entries, { prodId: '-//Technology Exchange//Events//EN', name: 'Techmart' }),
    );
    const names = props.map((p) => p.name);
    assert.equal(names[0], 'BEGIN');
    assert.equal(props[0].value, 'VCALENDAR');
    assert.equal(props.at(-1)!.value, 'VCALENDAR');
    assert.ok(props.some((p) => p.name === 'VERSION' && p.value === '2.0'));
    assert.ok(props.some((p) => p.name === 'PRODID'));
    assert.equal(props.filter((p) => p.name === 'BEGIN' && p.value === 'VEVENT').length, 2);
    assert.equal(props.filter((p) => p.name === 'END' && p.value === 'VEVENT').length, 2);
    assert.deepEqual(
      props.filter((p) => p.name === 'DTSTART').map((p) => p.value),
      ['20270310T090000Z', '20270310T100000Z'],
    );
    assert.deepEqual(
      props.filter((p) => p.name === 'DTEND').map((p) => p.value),
      ['20270310T092000Z', '20270310T102000Z'],
    );
    assert.deepEqual(
      props.filter((p) => p.name === 'UID').map((p) => p.value),
      ['meeting-1@exchange.example', 'meeting-2@exchange.example'],
    );
    assert.equal(props.filter((p) => p.name === 'DTSTAMP').length, 2);
    assert.equal(props.filter((p) => p.name === 'TRIGGER' && p.value === '-PT15M').length, 2);
    assert.equal(props.filter((p) => p.name === 'ACTION' && p.value === 'DISPLAY').length, 2);
    // Each alarm sits inside its event.
    const nesting = props
      .filter((p) => p.name === 'BEGIN' || p.name === 'END')
      .map((p) => `${p.name}:${p.value}`);
    assert.deepEqual(nesting, [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('escapes text and folds long Vietnamese lines without splitting a character, so they read back whole', () => {
    const text = writeCalendar(entries, { prodId: '-//Technology Exchange//Events//EN' });
    assert.ok(text.includes('\r\n '), 'a long line is folded');
    const props = parse(text);
    assert.equal(unescape(props.find((p) => p.name === 'SUMMARY')!.value), entries[0].summary);
    assert.equal(
      unescape(props.find((p) => p.name === 'DESCRIPTION' && p.value.startsWith('V'))!.value),
      entries[0].description,
    );
    assert.equal(unescape(props.find((p) => p.name === 'LOCATION')!.value), entries[0].location);
    assert.equal(props.find((p) => p.name === 'URL')!.value, entries[1].url);
  });

  it('writes times as UTC date-times, text with its special characters escaped, and folds at 75 octets', () => {
    assert.equal(icsTime(new Date('2027-12-31T23:59:59.999Z')), '20271231T235959Z');
    assert.equal(icsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'đ'.repeat(60)}`);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'đ'.repeat(60)}`);
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  });

  it('writes an empty calendar for an empty agenda', () => {
    const props = parse(writeCalendar([], { prodId: '-//x//y//EN' }));
    assert.equal(props.filter((p) => p.name === 'BEGIN').length, 1);
  });
});
