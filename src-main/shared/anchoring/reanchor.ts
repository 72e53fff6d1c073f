/**
 * Re-anchors all of an article version's highlights in its current text (after the file was
 * edited) and says which stored positions should be updated.
 */
import type { AnchoredAnnotation, Annotation } from '../types';
import { anchor, prepareText } from './anchor';
import { paragraphAt } from './text-position';
import { describeQuote } from './text-quote';

/** Result of `reanchorAll`. */
export interface ReanchorResult {
  /** Every input annotation, positions updated where they moved; `orphaned` where not placed. */
  anchored: AnchoredAnnotation[];
  /** Annotations whose stored target should be updated (pass to `AnnotationStore.savePositions`). */
  moved: Annotation[];
}

/**
 * Anchors each highlight of `annotations` in `text` (the version's normalised text). Quotes and
 * notes are never rewritten: an orphan keeps its quote so the user can still read and re-attach
 * it, and a fuzzy match keeps the original quote so later edits cannot make the anchor drift.
 * Records without context (migrated from the v0 format) get prefix/suffix filled on an exact hit.
 */
export function reanchorAll(text: string, annotations: readonly Annotation[], offsets?: readonly number[]): ReanchorResult {
  const prepared = prepareText(text);
  const anchored: AnchoredAnnotation[] = [];
  const moved: Annotation[] = [];
  let shift = 0;
  // Visit highlights in stored order so consecutive ones share the shift of an edit before them.
  const order = [...annotations].sort((x, y) => (x.target?.position.start ?? 0) - (y.target?.position.start ?? 0));
  const results = new Map<string, AnchoredAnnotation>();
  for (const a of order) {
    results.set(a.id, reanchorOne(a));
  }
  for (const a of annotations) anchored.push(results.get(a.id) ?? { ...a, orphaned: false });
  return { anchored, moved };

  function reanchorOne(a: Annotation): AnchoredAnnotation {
    if (a.kind !== 'highlight' || a.target === null) return { ...a, orphaned: false };
    const found = anchor(prepared, a.target, { shift });
    if (!found) return { ...a, orphaned: true };
    shift = found.start - a.target.position.start;
    const { quote, position, paragraph } = a.target;
    const newParagraph = paragraphAt(text, found.start, offsets);
    const lacksContext = quote.prefix === '' && quote.suffix === '' && (found.start > 0 || found.end < text.length);
    const fillContext = lacksContext && found.method !== 'fuzzy';
    const changed =
      found.start !== position.start || found.end !== position.end || newParagraph !== paragraph || fillContext;
    if (!changed) return { ...a, orphaned: false };
    const context = fillContext ? describeQuote(text, found.start, found.end) : quote;
    const updated: Annotation = {
      ...a,
      target: {
        quote: { ...quote, prefix: context.prefix, suffix: context.suffix },
        position: { type: 'TextPositionSelector', start: found.start, end: found.end },
        paragraph: newParagraph,
      },
    };
    moved.push(updated);
    return { ...updated, orphaned: false };
  }
}

