/**
 * A hand-written check of the library cache's summary (format 6), equal to its zod schema in
 * cache.ts for every summary Folio writes: zod built a validated copy of each of 10,000 entries
 * at every open (a third of a warm `folio show`, most of it garbage); this walks the parsed JSON
 * in place and returns it as is. Stricter than zod in one way: an object with a key the schema
 * does not name is refused (zod would drop the key), as only Folio writes this file.
 * tests/core/library/summary-check.test.ts holds the two to the same answers.
 */
import type { FurnitureCut } from './furniture';

const LANGS = new Set(['vi', 'en', 'und']);
const FORMATS = new Set(['txt', 'md', 'html', 'mhtml', 'docx', 'epub', 'pdf']);
const PARAGRAPHS_FILE = /^library-paragraphs-[0-9a-z]+\.jsonl$/;

/** One file's metadata as kept in the summary (an article version without its paragraphs). */
export interface SummaryMeta {
  fileId: string; lang: 'vi' | 'en' | 'und'; path: string; format: 'txt' | 'md' | 'html' | 'mhtml' | 'docx' | 'epub' | 'pdf';
  encoding: string; title: string; date: string | null; author: string | null; source: string | null;
  tags: string[]; captions: string[]; size: number; mtimeMs: number; contentHash: string;
}

/** One file's entry in the summary. */
export interface SummaryEntry {
  version: SummaryMeta;
  translation: string | null;
  pairId?: string | null;
  count: number;
  at: [number, number, string];
  cut: FurnitureCut | null;
}

/** The summary as written by `saveCache`. */
export interface Summary {
  format: 6;
  root: string;
  paragraphs: string;
  furniture: Record<string, { sig: string; keys: string[] }>;
  entries: Record<string, SummaryEntry>;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(isStr);

/** The number of own enumerable keys, counted without making an array. */
function keyCount(o: Obj): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
}

function checkMeta(v: unknown): boolean {
  if (!isObj(v) || keyCount(v) !== 14) return false;
  return isStr(v.fileId) && LANGS.has(v.lang as string) && isStr(v.path) && FORMATS.has(v.format as string) && isStr(v.encoding) && isStr(v.title)
    && strOrNull(v.date) && strOrNull(v.author) && strOrNull(v.source) && strings(v.tags) && strings(v.captions)
    && isNum(v.size) && isNum(v.mtimeMs) && isStr(v.contentHash);
}

function checkCut(v: unknown): boolean {
  if (v === null) return true;
  if (!isObj(v) || keyCount(v) !== 2 || !strings(v.captions) || !Array.isArray(v.drop)) return false;
  return v.drop.every((d) => isInt(d) && d >= 0);
}

function checkEntry(e: unknown, maxParagraphs: number): boolean {
  if (!isObj(e)) return false;
  const keys = keyCount(e);
  const hasPair = 'pairId' in e;
  if (keys !== (hasPair ? 6 : 5)) return false;
  if (hasPair && !strOrNull(e.pairId)) return false;
  const at = e.at;
  if (!Array.isArray(at) || at.length !== 3 || !isInt(at[0]) || at[0] < 0 || !isInt(at[1]) || at[1] <= 0 || !isStr(at[2])) return false;
  return strOrNull(e.translation) && isInt(e.count) && e.count >= 0 && e.count <= maxParagraphs && checkCut(e.cut) && checkMeta(e.version);
}

/** `data` as a format-6 summary when it is one, else null (nothing is copied). */
export function checkSummary(data: unknown, maxParagraphs: number): Summary | null {
  if (!isObj(data) || keyCount(data) !== 5 || data.format !== 6 || !isStr(data.root)) return null;
  if (!isStr(data.paragraphs) || !PARAGRAPHS_FILE.test(data.paragraphs)) return null;
  const { furniture, entries } = data;
  if (!isObj(furniture) || !isObj(entries)) return null;
  for (const k in furniture) {
    const f = furniture[k];
    if (!isObj(f) || keyCount(f) !== 2 || !isStr(f.sig) || !strings(f.keys)) return null;
  }
  for (const k in entries) if (!checkEntry(entries[k], maxParagraphs)) return null;
  return data as unknown as Summary;
}
