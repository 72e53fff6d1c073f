/**
 * Find a publication date(-time) in a line of a scraped page and return it as ISO 8601
 * (`2020-12-31T20:31:00` local time, or `2020-12-31` without a time). Vietnamese pages write
 * day-month-year (`31/12/2020 - 20:31`, `13:10 14/11/2020`, `Ngày 12-10-2020`,
 * `ngày 12 tháng 10 năm 2020`); we also read `2020-12-31` and English month names.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A time near the date: `20:31`, `20h31`, `20 giờ 31`, `8:31 PM`. */
const TIME = /(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})(?::(\d{2}))?(?:\s*(am|pm|sa|ch)\b)?/i;

function findTime(s: string): string | null {
  const m = TIME.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  const ampm = m[4]?.toLowerCase();
  if (ampm === 'pm' || ampm === 'ch') h = h % 12 + 12;
  else if (ampm === 'am' || ampm === 'sa') h = h % 12;
  if (h > 23 || min > 59 || sec > 59) return null;
  return `${pad(h)}:${pad(min)}:${pad(sec)}`;
}

interface DateHit { iso: string; start: number; end: number }

function findDate(s: string): DateHit | null {
  const candidates: DateHit[] = [];
  const push = (y: number, m: number, d: number, match: RegExpExecArray): void => {
    if (valid(y, m, d)) candidates.push({ iso: `${y}-${pad(m)}-${pad(d)}`, start: match.index, end: match.index + match[0].length });
  };
  let m: RegExpExecArray | null;
  // ISO first: 2020-12-31
  if ((m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s))) push(Number(m[1]), Number(m[2]), Number(m[3]), m);
  // Day first: 31/12/2020, 31-12-2020, 31.12.2020
  if ((m = /\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b/.exec(s))) push(Number(m[4]), Number(m[3]), Number(m[1]), m);
  // ngày 12 tháng 10 năm 2020
  if ((m = /\b(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})\b/i.exec(s))) push(Number(m[3]), Number(m[2]), Number(m[1]), m);
  // December 31, 2020 / Dec. 31 2020
  if ((m = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s))) {
    const mon = MONTHS[(m[1] ?? '').slice(0, 4).toLowerCase()] ?? MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()];
    if (mon) push(Number(m[3]), mon, Number(m[2]), m);
  }
  // 31 December 2020
  if ((m = /\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b/.exec(s))) {
    const mon = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (mon) push(Number(m[3]), mon, Number(m[1]), m);
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

/** The first date(-time) in `s` as ISO 8601, or null. Times are taken from the same line. */
export function parseVietnameseDate(s: string): string | null {
  const hit = findDate(s);
  if (!hit) return null;
  // Look for a time only outside the date itself, so `31.12.2020` never reads as 31:12.
  const rest = s.slice(0, hit.start) + ' ' + s.slice(hit.end);
  const time = findTime(rest);
  return time ? `${hit.iso}T${time}` : hit.iso;
}

/** Words that may surround a date on a date-only line ("Thứ Năm, 31/12/2020 - 20:31 (GMT+7)"). */
const DATE_LINE_WORDS =
  /\b(thứ\s+(hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|tháng|năm|lúc|giờ|cập\s+nhật|đăng|đăng\s+lúc|gmt|utc|ict|published|updated|posted|on|at|am|pm|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/giu;

/** True when `line` is essentially just a date/time stamp (the date line of a scraped page). */
export function isDateLine(line: string): boolean {
  if (line.length > 80 || parseVietnameseDate(line) === null) return false;
  const rest = line
    .replace(DATE_LINE_WORDS, ' ')
    .replace(/[\d\s:/.,|()+\-–—h]/g, '');
  return rest.length <= 3;
}
