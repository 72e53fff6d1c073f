/**
 * Find a publication date(-time) in a line of a scraped page and return it as ISO 8601
 * (`2020-12-31T20:31:00` local time, or `2020-12-31` without a time). Vietnamese pages write
 * day-month-year (`31/12/2020 - 20:31`, `13:10 14/11/2020`, `Thứ Tư, 12-03-2025, 09:14`,
 * `ngày 12 tháng 10 năm 2020`); we also read `2020-12-31`, English month names
 * (`March 12, 2025`, `12 March 2025`, `March, 12/2025`) and 12-hour times (`02:05 pm`).
 *
 * Word boundaries are Unicode-aware lookarounds, never `\b`: in JavaScript `\b` knows only ASCII
 * letters, so `\bthứ tư\b` never matched (the last letter `ư` is not a "word" character).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Not preceded / followed by a letter or digit (Unicode-aware `\b` for tokens that start/end with one). */
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthOf(name: string | undefined): number | undefined {
  const n = (name ?? '').toLowerCase();
  return MONTHS[n.slice(0, 4)] ?? MONTHS[n.slice(0, 3)];
}

/** A time near the date: `20:31`, `20h31`, `20 giờ 31`, `8:31 PM`, `8:31 sáng`. */
const TIME = new RegExp(`${L}(\\d{1,2})\\s*(?::|h|giờ)\\s*(\\d{2})(?::(\\d{2}))?(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.|sa|ch|sáng|chiều|tối)${R})?`, 'iu');

function findTime(s: string): string | null {
  const m = TIME.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  const mark = (m[4] ?? '').toLowerCase().replace(/\./g, '');
  if ((mark === 'pm' || mark === 'ch' || mark === 'chiều' || mark === 'tối') && h < 12) h += 12;
  else if ((mark === 'am' || mark === 'sa' || mark === 'sáng') && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) return null;
  return `${pad(h)}:${pad(min)}:${pad(sec)}`;
}

/** A date found in a string, with its span. */
export interface DateHit { iso: string; start: number; end: number }

const PATTERNS: ReadonlyArray<{ re: RegExp; ymd: (m: RegExpExecArray) => [number, number | undefined, number] }> = [
  // ISO: 2020-12-31
  { re: new RegExp(`${L}(\\d{4})-(\\d{1,2})-(\\d{1,2})${R}`, 'u'), ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // Day first: 31/12/2020, 31-12-2020, 31.12.2020
  { re: new RegExp(`${L}(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})${R}`, 'u'), ymd: (m) => [Number(m[4]), Number(m[3]), Number(m[1])] },
  // ngày 12 tháng 10 năm 2020
  { re: new RegExp(`${L}(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s*(?:năm|,|/)\\s*(\\d{4})${R}`, 'iu'), ymd: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  // December 31, 2020 / Dec. 31 2020 / March, 12/2025 (an English daily writes month, day/year)
  { re: new RegExp(`${L}${MONTH_NAME}\\.?,?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+|\\s*/\\s*)(\\d{4})${R}`, 'iu'), ymd: (m) => [Number(m[3]), monthOf(m[1]), Number(m[2])] },
  // 31 December 2020
  { re: new RegExp(`${L}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\.?,?\\s+(\\d{4})${R}`, 'iu'), ymd: (m) => [Number(m[3]), monthOf(m[2]), Number(m[1])] },
];

/** The earliest valid date in `s`, or null. */
export function findDate(s: string): DateHit | null {
  let best: DateHit | null = null;
  for (const { re, ymd } of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = ymd(m);
    if (mo === undefined || !valid(y, mo, d)) continue;
    if (!best || m.index < best.start) best = { iso: `${y}-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length };
  }
  return best;
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

/**
 * A timestamp as written in metadata (`2025-03-12T14:05:00+07:00`, `2025-03-12 14:05`,
 * `2025-03-12`) as local time without offset; other forms go through `parseVietnameseDate`.
 */
export function normaliseTimestamp(v: string | null | undefined): string | null {
  if (!v) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?/.exec(v.trim());
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}${iso[3] ?? ':00'}` : iso[1] ?? null;
  return parseVietnameseDate(v);
}

/** Words that may surround a date on a date-only line ("Thứ Năm, 31/12/2020 - 20:31 (GMT+7)"). */
const DATE_WORDS = new RegExp(
  `${L}(thứ\\s+(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\\s+nhật|cn|ngày\\s+đăng|ngày\\s+cập\\s+nhật|cập\\s+nhật(\\s+lúc)?|đăng\\s+(lúc|ngày)|xuất\\s+bản|ngày|tháng|năm|lúc|giờ|sáng|chiều|tối|trưa|gmt|utc|ict|published(\\s+on)?|updated?(\\s+on)?|posted(\\s+on)?|last\\s+updated|date|on|at|am|pm|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)${R}`,
  'giu',
);
/** Counters printed beside dates: "Lượt xem: 1.234", "Views: 56", "6 min read", "5 phút đọc". */
const COUNTERS = new RegExp(`${L}(lượt\\s+xem|lượt\\s+đọc|số\\s+lượt\\s+xem|views?|reads?)\\s*[:：]?\\s*[\\d.,]+${R}|${L}\\d+\\s*(min(ute)?s?|phút)\\s*(read|đọc)${R}`, 'giu');
const OFFSET = /\(?\s*(gmt|utc)\s*[+-]\s*\d{1,2}(:?\d{2})?\s*\)?/giu;
const BY = /^(by|bởi|tác\s+giả|author|written\s+by)\s*[:：]?\s+/iu;

/** What a date line says: its date and, on "By Name  March 3, 2025" lines, the author. */
export interface DateLine { date: string; author: string | null }

/**
 * A line that is essentially a date/time stamp: the date, weekday, time, zone, "posted/updated"
 * words, a view counter, and at most one name introduced by "by" or set apart by `·`, `|` or `—`.
 * Returns null when anything else is left (a sentence that happens to contain a date).
 */
export function matchDateLine(line: string): DateLine | null {
  if (line.length > 140) return null;
  const hit = findDate(line);
  if (!hit) return null;
  const date = parseVietnameseDate(line);
  if (!date) return null;
  let rest = `${line.slice(0, hit.start)} ¦ ${line.slice(hit.end)}`;
  rest = rest.replace(OFFSET, ' ').replace(COUNTERS, ' ¦ ');
  const time = TIME.exec(rest);
  if (time) rest = `${rest.slice(0, time.index)} ¦ ${rest.slice(time.index + time[0].length)}`;
  const clean = (p: string): string => p.replace(DATE_WORDS, ' ').replace(/[\s,.:;()[\]/+-]+/gu, ' ').trim();
  const parts = rest
    .split(/\s*(?:[|·•¦—–]|\s-\s|\s{2,})\s*/u)
    .map((raw) => ({ raw: raw.trim(), left: clean(raw) }))
    .filter((p) => p.left);
  if (parts.length === 0) return { date, author: null };
  if (parts.length > 1) return null;
  // One leftover: a name, when the line says "by" or sets it apart with a separator.
  const raw = parts[0]?.raw ?? '';
  const byMatch = /(?:^|\s)(by|bởi|tác\s+giả)\s*[:：]?\s+(.+)$/iu.exec(raw);
  const name = (byMatch?.[2] ?? raw).replace(BY, '').replace(/[\s,.:;]+$/u, '').trim();
  const separated = /[|·•—–]/u.test(line);
  if ((byMatch || separated) && looksLikeName(name)) return { date, author: name };
  return null;
}

/** True when `line` is essentially just a date/time stamp (the date line of a scraped page). */
export function isDateLine(line: string): boolean {
  return matchDateLine(line) !== null;
}

/** Two to five capitalised words: enough to tell a name from leftover words on a date line. */
function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 5 && s.length <= 50 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/**
 * A headline with its timestamp appended, as portals print it: "Tiêu đề (14:05 12/03/2025)",
 * "Tiêu đề (12/03/2025)", "Tiêu đề - 12/03/2025 14:05". Returns the headline and the date.
 */
export function splitTitleTimestamp(line: string): { title: string; date: string } | null {
  const m = /^(.*\S)\s*(?:\(([^()]{6,40})\)|\s[-–|]\s+([^-–|]{6,40}))$/u.exec(line.trim());
  const stamp = m?.[2] ?? m?.[3];
  if (!m?.[1] || !stamp) return null;
  const dl = matchDateLine(stamp);
  return dl && !dl.author ? { title: m[1].trim(), date: dl.date } : null;
}
