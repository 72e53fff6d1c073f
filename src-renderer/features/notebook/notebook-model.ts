/**
 * The notebook's model (pure): every annotation of the library filtered by colour, tag, language,
 * article, date and text (diacritics optional, as in search), sorted by article or date; tag
 * counts; and the Markdown export of a selection.
 */
import type { Annotation, ArticleSummary, HighlightColor, Lang } from '@shared/types';

/** What the notebook shows; empty fields do not filter. */
export interface NotebookFilter {
  text: string;
  color: HighlightColor | null;
  tag: string | null;
  lang: Lang | null;
  articleId: string | null;
  /** ISO dates (YYYY-MM-DD), inclusive, on the annotation's creation date. */
  from: string | null;
  to: string | null;
}

export const EMPTY_FILTER: NotebookFilter = { text: '', color: null, tag: null, lang: null, articleId: null, from: null, to: null };

export type NotebookSort = 'article' | 'date';

/** Lowercase without diacritics (đ → d, which Unicode does not decompose). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Does `haystack` contain `query`? Diacritics are optional, as in search: a query typed without
 * them matches any spelling ("lu" finds "lũ"), a query with them matches that spelling only.
 */
export function matchesText(haystack: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const plain = fold(q) === q;
  return plain ? fold(haystack).includes(q) : haystack.normalize('NFC').toLowerCase().includes(q.normalize('NFC'));
}

/** The annotations passing every filter. */
export function filterNotebook(annotations: readonly Annotation[], filter: NotebookFilter, titles: ReadonlyMap<string, string>): Annotation[] {
  return annotations.filter((a) => {
    if (filter.color && (a.kind !== 'highlight' || a.color !== filter.color)) return false;
    if (filter.tag && !a.tags.some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) return false;
    if (filter.lang && a.lang !== filter.lang) return false;
    if (filter.articleId && a.articleId !== filter.articleId) return false;
    const day = a.created.slice(0, 10);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    const hay = [a.target?.quote.exact ?? '', a.note, a.tags.join(' '), titles.get(a.articleId) ?? ''].join('\n');
    return matchesText(hay, filter.text);
  });
}

/** By article (title, then position in the article, notes first) or by date (newest first). */
export function sortNotebook(items: readonly Annotation[], sort: NotebookSort, titles: ReadonlyMap<string, string>, locale: string): Annotation[] {
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en', { sensitivity: 'base' });
  const byDate = (a: Annotation, b: Annotation) => b.created.localeCompare(a.created);
  return [...items].sort((a, b) => {
    if (sort === 'date') return byDate(a, b);
    return (
      collator.compare(titles.get(a.articleId) ?? '', titles.get(b.articleId) ?? '') ||
      a.articleId.localeCompare(b.articleId) ||
      a.lang.localeCompare(b.lang) ||
      (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
      byDate(b, a)
    );
  });
}

/** Every tag with how many annotations carry it, most used first (then A→Z). */
export function tagCounts(annotations: readonly Annotation[]): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>();
  for (const a of annotations) for (const t of new Set(a.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Titles by article id, for filtering and headings. */
export function titlesOf(articles: readonly ArticleSummary[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.title]));
}

/** Labels the Markdown uses, in the UI language. */
export interface MarkdownLabels {
  heading: string;
  articleNote: string;
  tags: string;
  /** The aligned sentences of the other language (cross-language highlights). */
  translation: string;
}

/**
 * The selection as Markdown (Obsidian/Readwise style): one section per article in the given
 * order, each highlight as a block quote with its colour, tags and date, its note below, and the
 * aligned sentences of the other language when known.
 */
export function notebookMarkdown(items: readonly Annotation[], titles: ReadonlyMap<string, string>, labels: MarkdownLabels, counterparts: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [`# ${labels.heading}`, ''];
  let current: string | null = null;
  for (const a of items) {
    if (a.articleId !== current) {
      current = a.articleId;
      out.push(`## ${titles.get(a.articleId) ?? a.articleId}`, '');
    }
    const meta = [a.kind === 'note' ? labels.articleNote : a.color, a.lang.toUpperCase(), a.created.slice(0, 10), a.tags.length ? `${labels.tags}: ${a.tags.join(', ')}` : ''].filter(Boolean).join(' · ');
    if (a.target) out.push(...a.target.quote.exact.split('\n').map((l) => `> ${l}`.trimEnd()));
    const other = counterparts.get(a.id);
    if (other) out.push('>', `> *${labels.translation}:* ${other.replace(/\s+/g, ' ')}`);
    if (a.target) out.push('');
    out.push(`*${meta}*`, '');
    if (a.note.trim()) out.push(a.note.trim(), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
