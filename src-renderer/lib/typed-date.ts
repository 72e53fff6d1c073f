/**
 * Dates typed by hand in the UI language's order, not the browser's: `<input type="date">` shows
 * and reads the format of Chromium's locale (mm/dd/yyyy on an English system), whatever language
 * Folio speaks. Vietnamese readers write day/month/year; in English Folio asks for ISO
 * year-month-day, which no reader can take for another date.
 */

/** How the UI language writes a date in a form field. */
export type TypedDateFormat = 'dd/mm/yyyy' | 'yyyy-mm-dd';

/** The format a date field asks for in `lang`. */
export function typedDateFormat(lang: string): TypedDateFormat {
  return lang === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
}

/** What a typed date means: nothing (no filter), a real day, or a mistake and which one. */
export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid'; reason: 'format' | 'no-such-day' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day (31/02 and 29/02 of a common year are not). */
function isRealDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Reads a date typed in `lang`'s format. Vietnamese takes `d/m/yyyy` with `/`, `.` or `-`
 * between the parts; both languages take ISO `yyyy-mm-dd` (a four-digit year first cannot be
 * misread) with two-digit month and day, so that "2024-02-3", on its way to "2024-02-31", is not
 * yet a date the filter applies. Years have four digits: "22/4/23" is refused rather than guessed.
 */
export function parseTypedDate(text: string, lang: string): TypedDate {
  const s = text.trim();
  if (!s) return { kind: 'empty' };
  const iso = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(s);
  const dmy = lang === 'vi' ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s) : null;
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return { kind: 'invalid', reason: 'format' };
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (!isRealDay(y, m, d)) return { kind: 'invalid', reason: 'no-such-day' };
  return { kind: 'date', iso: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/** An ISO day (`yyyy-mm-dd`) written the way `lang` types it ('' for none). */
export function typedDateText(iso: string | null, lang: string): string {
  if (!iso) return '';
  if (typedDateFormat(lang) === 'yyyy-mm-dd') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
