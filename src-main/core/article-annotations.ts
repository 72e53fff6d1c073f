/**
 * Annotations of one article, anchored against its current text. Reading never writes: moved
 * positions are saved once per file change (`saveMovedPositions`, W3C TextPositionSelector kept
 * current); highlights that cannot be placed come back `orphaned: true` with their quote and note
 * intact, never dropped.
 */
import { reanchorAll } from '../shared/anchoring/index';
import { articleText } from '../shared/text';
import type { AnchoredAnnotation, Annotation, Article } from '../shared/types';
import type { AnnotationStore } from './annotations/index';
import type { IndexExtras } from './search/index';
import type { NotePlainText } from './note-plain-text';

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

/**
 * Text of an article's annotations, indexed so a search finds an article by what the user wrote.
 * The field keeps each note as written (a link's URL stays findable); the snippet shown for a
 * note is its plain text, as the note view shows it (no `**`, no `[text](url)`), made by
 * `notePlainText` (from `notePlainTextFor`, which loads the parser only when a note needs it).
 */
export function extrasOf(annotations: readonly Annotation[], notePlainText: NotePlainText): IndexExtras {
  const items: NonNullable<IndexExtras['items']> = [];
  const field: string[] = [];
  for (const a of annotations) {
    const paragraph = a.target?.paragraph ?? 0;
    if (a.note) {
      items.push({ annotationId: a.id, kind: 'note', text: notePlainText(a.note), paragraph });
      field.push(a.note);
    }
    if (a.target) {
      items.push({ annotationId: a.id, kind: 'highlight', text: a.target.quote.exact, paragraph });
      field.push(a.target.quote.exact);
    }
    if (a.tags.length) {
      items.push({ annotationId: a.id, kind: 'tag', text: a.tags.join(' '), paragraph });
      field.push(a.tags.join(' '));
    }
  }
  return { annotations: field.join('\n'), hasAnnotations: annotations.length > 0, items };
}

/** Injectable anchoring (tests count how often whole articles are re-anchored). */
export interface AnchorOptions {
  reanchor?: typeof reanchorAll;
}

/** What anchoring an article found: every annotation placed (or orphaned) and the ones that moved. */
export interface ArticleAnchoring {
  anchored: AnchoredAnnotation[];
  /** Stored records whose target should be updated (saved only on a file change: `saveMovedPositions`). */
  moved: Annotation[];
}

interface Placement {
  target: Annotation['target'];
  orphaned: boolean;
  moved: boolean;
}

/** Last anchoring per store and article, keyed by the article's content and its highlights' targets. */
const memo = new WeakMap<AnnotationStore, Map<string, { key: string; placed: Map<string, Placement> }>>();
const MEMO_ARTICLES = 200;

/** What anchoring depends on: each version's content and every stored target (not notes, tags or colours). */
function anchoringKey(article: Article, all: readonly Annotation[]): string {
  const versions = article.versions.map((v) => `${v.fileId}:${v.lang}:${v.contentHash}`).join('|');
  const targets = all.map((a) => `${a.id}:${a.lang}:${a.target ? JSON.stringify(a.target) : '-'}`).join('|');
  return `${versions}#${targets}`;
}

function placeAll(article: Article, all: readonly Annotation[], reanchor: typeof reanchorAll): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  const first = article.versions[0];
  for (const version of article.versions) {
    // Records without a known language (migrated from v0, or a single-version article's notes)
    // belong to the first version.
    const mine = all.filter((a) => a.lang === version.lang || (version === first && (a.lang === 'und' || article.versions.length === 1)));
    if (!mine.length) continue;
    const r = reanchor(articleText(version.paragraphs), mine);
    const movedIds = new Set(r.moved.map((m) => m.id));
    for (const a of r.anchored) if (!placed.has(a.id)) placed.set(a.id, { target: a.target, orphaned: a.orphaned, moved: movedIds.has(a.id) });
  }
  return placed;
}

/**
 * Anchors an article's annotations in its current text: a pure read (the Hypothesis client never
 * writes while anchoring). Positions depend only on the text and the stored targets, so editing a
 * note or its tags reuses the last anchoring instead of re-anchoring the whole article.
 */
export function anchorArticle(store: AnnotationStore, article: Article, opts: AnchorOptions = {}): ArticleAnchoring {
  const all = storedAnnotations(store, article);
  const key = anchoringKey(article, all);
  let perStore = memo.get(store);
  if (!perStore) memo.set(store, (perStore = new Map()));
  let entry = perStore.get(article.id);
  if (entry?.key !== key) {
    entry = { key, placed: placeAll(article, all, opts.reanchor ?? reanchorAll) };
    perStore.delete(article.id);
    perStore.set(article.id, entry);
    if (perStore.size > MEMO_ARTICLES) perStore.delete(perStore.keys().next().value ?? '');
  }
  const anchored: AnchoredAnnotation[] = [];
  const moved: Annotation[] = [];
  for (const a of all) {
    const p = entry.placed.get(a.id);
    // Annotations whose language version no longer exists stay visible, as orphans.
    if (!p) anchored.push({ ...a, orphaned: a.kind === 'highlight' });
    else {
      anchored.push({ ...a, target: p.target, orphaned: p.orphaned });
      if (p.moved) moved.push({ ...a, target: p.target });
    }
  }
  return { anchored, moved };
}

/** An article's annotations anchored in its current text (a pure read; never writes). */
export function anchoredAnnotations(store: AnnotationStore, article: Article, opts: AnchorOptions = {}): AnchoredAnnotation[] {
  return anchorArticle(store, article, opts).anchored;
}

/**
 * Saves the positions that moved, once per file change (call when the library reports that the
 * article's content changed, never from a read). Returns how many were saved.
 */
export async function saveMovedPositions(store: AnnotationStore, article: Article): Promise<number> {
  const { moved } = anchorArticle(store, article);
  if (moved.length) await store.savePositions(moved);
  return moved.length;
}
