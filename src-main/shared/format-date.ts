/**
 * Dates as Folio shows them, in the app and in exported PDFs alike: the date first, then the time
 * when there is one ("22 thg 4, 2023, 06:30" / "22 Apr 2023, 06:30").
 *
 * Formatted by hand rather than with Intl: the strings must not depend on the ICU data of the
 * runtime (Chromium, Node's full or small ICU), whose patterns change between releases (en-GB
 * "Sep" became "Sept"), nor on the machine's time zone, so an exported PDF is byte-identical
 * everywhere. The words are Intl's own medium dates (CLDR) for vi-VN and en-GB; Intl's date-time
 * pattern for vi-VN puts the time first ("06:30 22 thg 4, 2023"), which Vietnamese readers do
 * not expect in running text, so the date and the time are joined here.
 */

/** CLDR's abbreviated month names for en-GB (the English UI writes the day before the month). */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Formats an ISO date (`YYYY-MM-DD`) or local date-time (`YYYY-MM-DDTHH:MM[:SS]`, as Folio stores
 * article dates: no offset) for `lang` ('vi', else English): the medium date, then `, HH:MM` on a
 * 24-hour clock when the value has a time. The value is read as written, never converted to
 * another zone. Input that is not such a date (or names no real day) is returned as it is; no
 * date gives ''.
 */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map((s) => (s === undefined ? undefined : Number(s)));
  if (y === undefined || mo === undefined || d === undefined || !isRealDay(y, mo, d)) return iso;
  if (h !== undefined && mi !== undefined && (h > 23 || mi > 59)) return iso;
  const date = lang === 'vi' ? `${d} thg ${mo}, ${y}` : `${d} ${EN_MONTHS[mo - 1]} ${y}`;
  return h === undefined ? date : `${date}, ${m[4]}:${m[5]}`;
}

/** A real calendar day (31/02 and 29/02 of a common year are not). */
export function isRealDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
