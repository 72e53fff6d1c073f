/**
 * Building and checking records from user input: new highlights (described with W3C selectors),
 * new article-level notes, and patches. Every record is validated with the same zod schema the
 * file is read with, so nothing invalid is ever written.
 */
import { randomUUID } from 'node:crypto';
import { describe as describeRange } from '../../shared/anchoring/describe';
import { AnnotationError } from '../../shared/anchoring/errors';
import { HIGHLIGHT_COLORS, LANGS, type Annotation, type HighlightColor, type Lang } from '../../shared/types';
import { validateAnnotation } from './schema';

/** A new highlight over [start, end) of a version's normalised text. */
export interface NewHighlight {
  articleId: string;
  lang: Lang;
  /** The version's normalised text (paragraphs joined by "\n\n"). */
  text: string;
  start: number;
  end: number;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

/** A new article-level note. */
export interface NewNote {
  articleId: string;
  lang: Lang;
  note: string;
  tags?: string[];
}

/** Fields an edit may change. */
export interface AnnotationPatch {
  note?: string;
  color?: HighlightColor;
  tags?: string[];
}

/** Trims, drops empty and duplicate tags (case-insensitive), keeping the first spelling. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags ?? []) {
    const tag = t.normalize('NFC').trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

/** The colour, defaulting to yellow; throws 'invalid-request' for an unknown one. */
export function checkColor(c: HighlightColor | undefined): HighlightColor {
  if (c === undefined) return 'yellow';
  if (!(HIGHLIGHT_COLORS as readonly string[]).includes(c)) throw new AnnotationError('invalid-request', `Unknown colour ${String(c)}.`);
  return c;
}

/** Validates a record about to be written; throws 'invalid-request'. */
export function checkRecord(a: Annotation): Annotation {
  const v = validateAnnotation(a);
  if (!v.ok) throw new AnnotationError('invalid-request', `Invalid annotation: ${v.reason}`);
  return v.value;
}

/** A new highlight record over [h.start, h.end) of h.text; throws 'invalid-range'. */
export function newHighlightRecord(h: NewHighlight, now: Date): Annotation {
  const at = now.toISOString();
  return checkRecord({
    id: randomUUID(),
    articleId: h.articleId,
    lang: h.lang,
    kind: 'highlight',
    target: describeRange(h.text, h.start, h.end),
    color: checkColor(h.color),
    note: h.note ?? '',
    tags: cleanTags(h.tags),
    created: at,
    updated: at,
  });
}

/** A new article-level note record; throws 'invalid-request' for an empty note. */
export function newNoteRecord(n: NewNote, now: Date): Annotation {
  if (n.note.trim() === '') throw new AnnotationError('invalid-request', 'A note cannot be empty.');
  if (!(LANGS as readonly string[]).includes(n.lang)) throw new AnnotationError('invalid-request', `Unknown language ${n.lang}.`);
  const at = now.toISOString();
  return checkRecord({
    id: randomUUID(),
    articleId: n.articleId,
    lang: n.lang,
    kind: 'note',
    target: null,
    color: 'yellow',
    note: n.note,
    tags: cleanTags(n.tags),
    created: at,
    updated: at,
  });
}

/** `old` with the patch's fields applied and `updated` set to now. */
export function patchedRecord(old: Annotation, patch: AnnotationPatch, now: Date): Annotation {
  return checkRecord({
    ...old,
    ...(patch.note !== undefined ? { note: patch.note } : {}),
    ...(patch.color !== undefined ? { color: checkColor(patch.color) } : {}),
    ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
    updated: now.toISOString(),
  });
}
