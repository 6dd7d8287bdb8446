/**
 * The iCalendar writer (ical-generator): Europe/Oslo with its VTIMEZONE, all-day events for
 * day-precise deadlines, timed events for steering-calendar meetings, and a reminder (VALARM) on each.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { FeedEvent } from '../../core/export/calendar-events.js';

export const OSLO = 'Europe/Oslo';
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/**
 * Europe/Oslo as a VTIMEZONE: CET/CEST with the EU rule in force since 1996 (last Sunday of March
 * and of October). Written out here because the time-zone packages ical-generator can use are not
 * dependencies of styr; Norway's rule has not changed since, and a change would need a new release.
 */
const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * A Date whose local fields are Oslo's wall-clock time `date` `time`. With a calendar time zone,
 * ical-generator writes a Date's local fields after `TZID=Europe/Oslo`, so the wall time must be in
 * the local fields whatever the server's own time zone is.
 */
export function osloWallTime(date: string, time = '12:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 12, mm ?? 0);
}

/** The wall-clock time in Oslo at an instant, in a Date's local fields (see osloWallTime). */
function osloNow(at: Date): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: OSLO,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return osloWallTime(`${get('year')}-${get('month')}-${get('day')}`, `${get('hour')}:${get('minute')}`);
}

export interface IcsOptions {
  name: string;
  /** Reminder before a deadline's day starts, in hours (default 15: at 09:00 the working day before). */
  deadlineAlarmHours?: number;
  /** Reminder before a meeting, in minutes. */
  meetingAlarmMinutes?: number;
  /** DTSTAMP of every event: the time the feed is made. */
  now: Date;
}

export function eventsToIcs(events: readonly FeedEvent[], o: IcsOptions): string {
  const cal = ical({
    name: o.name,
    prodId: { company: 'styr', product: 'styr', language: 'NB' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: OSLO, generator: (tz) => (tz === OSLO ? OSLO_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  for (const e of events) {
    const timed = e.time !== null;
    const start = osloWallTime(e.date, e.time ?? '12:00');
    cal.createEvent({
      id: e.uid,
      stamp: osloNow(o.now),
      start,
      ...(timed ? { end: new Date(start.getTime() + 60 * 60_000), timezone: OSLO } : { allDay: true }),
      summary: e.summary,
      description: e.description,
      ...(e.url ? { url: e.url } : {}),
      alarms: [
        {
          type: ICalAlarmType.display,
          trigger: timed ? (o.meetingAlarmMinutes ?? 60) * 60 : (o.deadlineAlarmHours ?? 15) * 3600,
          description: e.summary,
        },
      ],
    });
  }
  return cal.toString();
}
