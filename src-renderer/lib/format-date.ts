/**
 * Dates as Folio shows them: the date first, then the time when there is one, the same way
 * everywhere ("22 thg 4, 2023, 06:30" / "22 Apr 2023, 06:30"). Intl's own date-time pattern for
 * vi-VN puts the time first ("06:30 22 thg 4, 2023"), which Vietnamese readers do not expect in
 * running text, so the two parts are formatted apart and joined here.
 */

/** The Intl locale for a UI language: Vietnamese, else British English (day before month). */
function intlLocale(lang: string): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

/**
 * Formats an ISO date (`YYYY-MM-DD`) or local date-time (`YYYY-MM-DDTHH:MM[:SS]`) for the UI
 * language: the medium date, then `, HH:MM` (24-hour) when the value has a time. Unparseable
 * input is returned as it is; empty input gives ''.
 */
export function formatDate(iso: string | null, lang: string): string {
  if (!iso) return '';
  const hasTime = iso.length > 10;
  const d = new Date(hasTime ? iso : `${iso}T00:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = intlLocale(lang);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
  if (!hasTime) return date;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date}, ${time}`;
}
