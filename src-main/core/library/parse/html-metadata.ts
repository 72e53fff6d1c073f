/**
 * Metadata a saved page states about itself in JSON-LD (schema.org `NewsArticle`, `Article`,
 * `BlogPosting`, …): author and publication date. The script text is parsed as JSON only and
 * validated; nothing in it is ever run. Pages often carry several blocks or an `@graph`.
 */
import { z } from 'zod';
import { matchDateLine, normaliseTimestamp } from './vietnamese-date';

/** What JSON-LD said about the article (each field null when absent). */
export interface JsonLdMeta {
  author: string | null;
  date: string | null;
  headline: string | null;
}

const Person = z.union([z.string(), z.object({ name: z.unknown().optional() }).passthrough()]);
const Node = z.object({
  '@type': z.union([z.string(), z.array(z.string())]).optional(),
  author: z.union([Person, z.array(Person)]).optional(),
  datePublished: z.unknown().optional(),
  headline: z.unknown().optional(),
  '@graph': z.array(z.unknown()).optional(),
}).passthrough();

const ARTICLE_TYPES = /article|posting|report|newsarticle|webpage/i;

function nameOf(p: z.infer<typeof Person>): string | null {
  const n = typeof p === 'string' ? p : typeof p.name === 'string' ? p.name : null;
  const t = n?.replace(/\s+/g, ' ').trim().normalize('NFC') ?? '';
  return t && t.length <= 100 && !/^https?:/i.test(t) ? t : null;
}

function fromNode(raw: unknown, out: JsonLdMeta, depth = 0): void {
  if (depth > 3) return;
  if (Array.isArray(raw)) { for (const r of raw.slice(0, 50)) fromNode(r, out, depth + 1); return; }
  const node = Node.safeParse(raw);
  if (!node.success) return;
  const n = node.data;
  if (n['@graph']) fromNode(n['@graph'], out, depth + 1);
  const types = ([] as string[]).concat(n['@type'] ?? []);
  if (!types.some((t) => ARTICLE_TYPES.test(t))) return;
  if (!out.author && n.author) {
    const names = ([] as z.infer<typeof Person>[]).concat(n.author).map(nameOf).filter((s): s is string => !!s);
    if (names.length) out.author = names.slice(0, 4).join(', ');
  }
  if (!out.date && typeof n.datePublished === 'string') out.date = normaliseTimestamp(n.datePublished);
  if (!out.headline && typeof n.headline === 'string') out.headline = n.headline.trim() || null;
}

/** Author, date and headline from the JSON-LD blocks' texts of a page. Bad JSON is ignored. */
export function readJsonLd(scriptTexts: readonly string[]): JsonLdMeta {
  const out: JsonLdMeta = { author: null, date: null, headline: null };
  for (const text of scriptTexts.slice(0, 20)) {
    if (text.length > 1_000_000) continue;
    try {
      fromNode(JSON.parse(text), out);
    } catch {
      // Not JSON: many pages ship broken JSON-LD; the page still reads.
    }
  }
  return out;
}

/** Elements that usually hold a page's date ("date", "time", "publish" in the class, `itemprop`). */
export const DATE_ELEMENTS = '[class*="date" i], [class*="time" i], [class*="publish" i], [itemprop*="date" i]';

/**
 * The date printed in an element marked as a date (`<span class="date">Thứ Tư, 12/03/2025 -
 * 14:05</span>`), for pages whose metadata has none: Readability often drops such spans.
 */
export function dateFromMarkedText(texts: Iterable<string>): string | null {
  let n = 0;
  for (const raw of texts) {
    if (++n > 30) break;
    const t = raw.replace(/\s+/g, ' ').trim();
    const d = t.length <= 140 ? matchDateLine(t) : null;
    if (d) return d.date;
  }
  return null;
}
