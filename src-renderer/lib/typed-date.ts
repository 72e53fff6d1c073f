/**
 * Dates (and date-times) typed by hand in the UI language's order, not the browser's:
 * `<input type="date">` and `datetime-local` show and read the format of Chromium's locale
 * (mm/dd/yyyy and a 12-hour clock on an English system), whatever language Folio speaks.
 * Vietnamese readers write day/month/year; in English Folio asks for ISO year-month-day, which no
 * reader can take for another date. Times are on a 24-hour clock in both.
 */
import { isRealDay } from '@shared/format-date';

/** How the UI language writes a date, or a date and a time, in a form field. */
export type TypedDateFormat = 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'dd/mm/yyyy HH:mm' | 'yyyy-mm-dd HH:mm';

/** The format a date field asks for in `lang`; `withTime` adds the (optional) time. */
export function typedDateFormat(lang: string, withTime = false): TypedDateFormat {
  const day = lang === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  return withTime ? `${day} HH:mm` : day;
}

/**
 * What a typed date means: nothing, a real day (ISO `yyyy-mm-dd`) or day and time
 * (`yyyy-mm-ddTHH:mm`), or a mistake and which one.
 */
export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; reason: 'format' | 'no-such-day' | 'no-such-time' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a date typed in `lang`'s format. Vietnamese takes `d/m/yyyy` with `/`, `.` or `-`
 * between the parts; both languages take ISO `yyyy-mm-dd` (a four-digit year first cannot be
 * misread) with two-digit month and day, so that "2024-02-3", on its way to "2024-02-31", is not
 * yet a date. Years have four digits: "22/4/23" is refused rather than guessed.
 *
 * With `withTime`, the day may be followed by a time on a 24-hour clock, `H:mm` or `HH:mm` after
 * a space, a comma or ISO's `T` ("22/04/2023 06:30", "2023-04-22T18:05"); the time is optional,
 * as many articles give only a day. "6:30 PM" is refused: Folio never guesses a 12-hour clock.
 */
export function parseTypedDate(text: string, lang: string, withTime = false): TypedDate {
  const s = text.trim();
  if (!s) return { kind: 'empty' };
  const timed = withTime ? /^(.*?\d)(?:\s*,\s*|\s+|T)(\d{1,2}):(\d{2})$/.exec(s) : null;
  const day = timed?.[1] ?? s;
  const iso = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(day);
  const dmy = lang === 'vi' ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(day) : null;
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return { kind: 'invalid', reason: 'format' };
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (!isRealDay(y, m, d)) return { kind: 'invalid', reason: 'no-such-day' };
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (!timed) return { kind: 'date', iso: date };
  const [h, min] = [Number(timed[2]), Number(timed[3])];
  if (h > 23 || min > 59) return { kind: 'invalid', reason: 'no-such-time' };
  return { kind: 'date', iso: `${date}T${pad(h)}:${pad(min)}` };
}

/**
 * An ISO day (`yyyy-mm-dd`) or local date-time (`yyyy-mm-ddTHH:mm[:ss]`) written the way `lang`
 * types it ('' for none); seconds are not shown (a field edits minutes).
 */
export function typedDateText(iso: string | null, lang: string): string {
  if (!iso) return '';
  const [day = '', time] = iso.split('T');
  const hhmm = time ? ` ${time.slice(0, 5)}` : '';
  if (lang !== 'vi') return `${day}${hhmm}`;
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}${hhmm}`;
}
