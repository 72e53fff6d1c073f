/**
 * Maps anchored highlights of one version onto its paragraphs. TextPositionSelector offsets
 * point into `articleText` (paragraphs joined by "\n\n", see shared/text.ts), so a highlight is
 * cut into one local span per paragraph it touches. A highlight whose offsets do not fit the
 * text is treated as orphaned: listed, never dropped, never misplaced (as obsidian-annotator#194 shows, one bad entry must not hide the rest).
 */
import type { AnchoredAnnotation, ArticleVersion, HighlightColor } from '../../../shared/types';
import { paragraphOffsets } from '../../../shared/text';

/** A highlighted range [start, end) inside one paragraph's text. */
export interface LocalSpan {
  annotationId: string;
  color: HighlightColor;
  start: number;
  end: number;
}

/** A highlight placed in a version, with its note number (when it has a note). */
export interface PlacedHighlightRef {
  annotation: AnchoredAnnotation;
  /** Paragraph index → spans in that paragraph. */
  spans: Map<number, LocalSpan>;
  /** Paragraph and local offset after which the note marker is printed. */
  end: { paragraph: number; offset: number };
}

/** The result of placing one version's highlights. */
export interface VersionHighlights {
  placed: PlacedHighlightRef[];
  orphaned: AnchoredAnnotation[];
}

/** Split each highlight of `annotations` (already filtered to this version) into paragraph spans. */
export function placeHighlights(version: ArticleVersion, annotations: readonly AnchoredAnnotation[]): VersionHighlights {
  const offsets = paragraphOffsets(version.paragraphs);
  const placed: PlacedHighlightRef[] = [];
  const orphaned: AnchoredAnnotation[] = [];
  const sorted = [...annotations].sort((a, b) => (a.target?.position.start ?? 0) - (b.target?.position.start ?? 0));
  for (const a of sorted) {
    const pos = a.target?.position;
    if (a.orphaned || !pos || !(pos.end > pos.start)) {
      orphaned.push(a);
      continue;
    }
    const spans = new Map<number, LocalSpan>();
    let end: PlacedHighlightRef['end'] | null = null;
    version.paragraphs.forEach((p, k) => {
      const base = offsets[k] ?? 0;
      const s = Math.max(pos.start, base) - base;
      const e = Math.min(pos.end, base + p.text.length) - base;
      if (e > s && p.text.slice(s, e).trim().length > 0) {
        spans.set(k, { annotationId: a.id, color: a.color, start: s, end: e });
        end = { paragraph: k, offset: e };
      }
    });
    if (end === null) orphaned.push(a);
    else placed.push({ annotation: a, spans, end });
  }
  return { placed, orphaned };
}

/** The annotations of `all` that belong to `version` (by language) and are highlights. */
export function highlightsOf(all: readonly AnchoredAnnotation[], version: ArticleVersion): AnchoredAnnotation[] {
  return all.filter((a) => a.kind === 'highlight' && a.lang === version.lang);
}
