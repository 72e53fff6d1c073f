/** Filtering and ordering of annotations for `AnnotationStore.list`. */
import type { Annotation, HighlightColor } from '../../shared/types';

/** Filters for `AnnotationStore.list`; all given filters must match. */
export interface AnnotationQuery {
  articleId?: string;
  /** Substring of the note or the quote, case- and diacritic-insensitive. */
  text?: string;
  /** Exact tag, case-insensitive. */
  tag?: string;
  color?: HighlightColor;
}

/**
 * Lowercase, strip combining marks, and map đ/Đ (which have no Unicode decomposition,
 * mapbox/carmen#611) so "duong" finds "đường".
 */
export function foldForMatch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ');
}

/** True when `a` passes every filter of `q`. */
export function matchesQuery(a: Annotation, q: AnnotationQuery): boolean {
  if (q.articleId !== undefined && a.articleId !== q.articleId) return false;
  if (q.color !== undefined && a.color !== q.color) return false;
  if (q.tag !== undefined) {
    const tag = q.tag.toLowerCase();
    if (!a.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (q.text !== undefined && q.text.trim() !== '') {
    const needle = foldForMatch(q.text.trim());
    const hay = foldForMatch(`${a.note}\n${a.target?.quote.exact ?? ''}`);
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Reading order: by article, then highlights by position, article notes last, then creation time. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1;
  const pa = a.target?.position.start ?? Number.MAX_SAFE_INTEGER;
  const pb = b.target?.position.start ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return a.created.localeCompare(b.created);
}
