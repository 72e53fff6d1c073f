/**
 * Scores parsed pages against expected records (title, date, author, language, body paragraphs,
 * captions, lines that must not appear). Shared by the corpus scoring test and the seed check.
 */
import { z } from 'zod';
import type { ArticleVersion } from '../../../src-main/shared/types';

/** The expected record of one fixture page (tests/fixtures/extraction/expected/*.json). */
export const ExpectedSchema = z.object({
  file: z.string(),
  site: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  lang: z.enum(['vi', 'en']),
  first: z.string(),
  last: z.string(),
  body: z.array(z.string()),
  captions: z.array(z.string()),
  mustNotAppear: z.array(z.string()),
});
export type Expected = z.infer<typeof ExpectedSchema>;

/** Counts of one field: how many pages (or lines) were right out of how many. */
export interface Tally { ok: number; total: number; misses: string[] }

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const key = (s: string): string => norm(s).toLowerCase();

/** Per-field tallies over a corpus. */
export interface Score {
  title: Tally; date: Tally; author: Tally; lang: Tally; firstLast: Tally;
  bodyKept: Tally; boilerplateRemoved: Tally; captions: Tally;
}

/** Score parsed versions against their expected records. */
export function scoreCorpus(pages: readonly { expected: Expected; version: ArticleVersion | null }[]): Score {
  const t = (): Tally => ({ ok: 0, total: 0, misses: [] });
  const s: Score = { title: t(), date: t(), author: t(), lang: t(), firstLast: t(), bodyKept: t(), boilerplateRemoved: t(), captions: t() };
  const count = (tally: Tally, ok: boolean, miss: string): void => {
    tally.total++;
    if (ok) tally.ok++;
    else tally.misses.push(miss);
  };
  for (const { expected: e, version: v } of pages) {
    const f = e.file;
    const paras = v?.paragraphs ?? [];
    const body = paras.filter((p) => p.kind !== 'caption').map((p) => norm(p.text));
    count(s.title, !!v && norm(v.title) === norm(e.title), `${f}: title ${JSON.stringify(v?.title)}`);
    count(s.date, (v?.date ?? null) === e.date, `${f}: date ${v?.date} (want ${e.date})`);
    count(s.author, (v?.author ?? null) === e.author, `${f}: author ${JSON.stringify(v?.author)} (want ${JSON.stringify(e.author)})`);
    count(s.lang, v?.lang === e.lang, `${f}: lang ${v?.lang}`);
    count(s.firstLast, body[0] === norm(e.first) && body[body.length - 1] === norm(e.last), `${f}: first/last ${JSON.stringify(body[0]?.slice(0, 40))} … ${JSON.stringify(body[body.length - 1]?.slice(0, 60))}`);
    for (const line of e.body) count(s.bodyKept, body.includes(norm(line)), `${f}: lost ${JSON.stringify(line.slice(0, 60))}`);
    for (const c of e.captions) {
      count(s.captions, paras.some((p) => p.kind === 'caption' && key(p.text).includes(key(c))), `${f}: caption ${JSON.stringify(c.slice(0, 50))}`);
    }
    // A real paragraph may quote the headline; only other paragraphs are searched for furniture.
    const real = new Set([...e.body, ...e.captions].map(key));
    const texts = paras.map((p) => key(p.text)).filter((p) => !real.has(p));
    for (const line of e.mustNotAppear) {
      const k = key(line);
      const present = texts.some((p) => p === k || (k.length >= 20 && p.includes(k)));
      count(s.boilerplateRemoved, !present, `${f}: kept ${JSON.stringify(line)}`);
    }
  }
  return s;
}

/** One line per field: "title 43/44 (97.7 %)". */
export function formatScore(s: Score): string {
  return (Object.entries(s) as [string, Tally][])
    .map(([name, t]) => `${name.padEnd(20)} ${t.ok}/${t.total} (${t.total ? ((100 * t.ok) / t.total).toFixed(1) : '—'} %)`)
    .join('\n');
}

/** Share of a tally that was right (1 when empty). */
export const rate = (t: Tally): number => (t.total === 0 ? 1 : t.ok / t.total);
