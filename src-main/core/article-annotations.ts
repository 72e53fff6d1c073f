/**
 * Annotations of one article, re-anchored against its current text. Positions that moved are
 * written back (W3C TextPositionSelector kept current); highlights that cannot be placed come
 * back `orphaned: true` with their quote and note intact, never dropped.
 */
import { reanchorAll } from '../shared/anchoring/index';
import { articleText } from '../shared/text';
import type { AnchoredAnnotation, Annotation, Article } from '../shared/types';
import type { AnnotationStore } from './annotations/index';
import type { IndexExtras } from './search/index';

/** Every id an article's annotations may carry: the entry id and each version's file id. */
export function articleIds(article: Article): string[] {
  return [...new Set([article.id, ...article.versions.map((v) => v.fileId)])];
}

/** All annotations stored for an article (any of its ids), oldest first. */
export function storedAnnotations(store: AnnotationStore, article: Article): Annotation[] {
  return articleIds(article)
    .flatMap((id) => store.list({ articleId: id }))
    .sort((a, b) => a.created.localeCompare(b.created));
}

/**
 * Every stored annotation grouped by the article id it carries: one pass over the store, for
 * work that visits every article (index reconcile, the library list) instead of one scan each.
 */
export function annotationsByArticleId(store: AnnotationStore): Map<string, Annotation[]> {
  const byId = new Map<string, Annotation[]>();
  for (const a of store.list()) {
    const list = byId.get(a.articleId);
    if (list) list.push(a);
    else byId.set(a.articleId, [a]);
  }
  return byId;
}

/** An article's annotations from a grouping made by `annotationsByArticleId`. */
export function annotationsIn(byId: ReadonlyMap<string, Annotation[]>, article: Article): Annotation[] {
  return articleIds(article).flatMap((id) => byId.get(id) ?? []);
}

/** Text of an article's annotations, indexed so a search finds an article by what the user wrote. */
export function extrasOf(annotations: readonly Annotation[]): IndexExtras {
  const items: NonNullable<IndexExtras['items']> = [];
  for (const a of annotations) {
    const paragraph = a.target?.paragraph ?? 0;
    if (a.note) items.push({ annotationId: a.id, kind: 'note', text: a.note, paragraph });
    if (a.target) items.push({ annotationId: a.id, kind: 'highlight', text: a.target.quote.exact, paragraph });
    if (a.tags.length) items.push({ annotationId: a.id, kind: 'tag', text: a.tags.join(' '), paragraph });
  }
  return { annotations: items.map((i) => i.text).join('\n'), hasAnnotations: annotations.length > 0, items };
}

/** Re-anchors an article's annotations and persists moved positions. */
export async function anchoredAnnotations(store: AnnotationStore, article: Article): Promise<AnchoredAnnotation[]> {
  const all = storedAnnotations(store, article);
  const result: AnchoredAnnotation[] = [];
  const moved: Annotation[] = [];
  const first = article.versions[0];
  for (const version of article.versions) {
    // Records without a known language (migrated from v0, or a single-version article's notes)
    // belong to the first version.
    const mine = all.filter((a) => a.lang === version.lang || (version === first && (a.lang === 'und' || article.versions.length === 1)));
    if (!mine.length) continue;
    const r = reanchorAll(articleText(version.paragraphs), mine);
    result.push(...r.anchored);
    moved.push(...r.moved);
  }
  // Annotations whose language version no longer exists stay visible, as orphans.
  const placed = new Set(result.map((a) => a.id));
  for (const a of all) if (!placed.has(a.id)) result.push({ ...a, orphaned: a.kind === 'highlight' });
  if (moved.length) await store.savePositions(moved);
  return result;
}
