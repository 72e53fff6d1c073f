/**
 * Units the keyboard moves over in one language version (pure): paragraphs and sentences as
 * [start, end) offsets in the version's normalised text (what a TextPositionSelector stores).
 */
import type { Lang, Paragraph } from '@shared/types';
import { paragraphOffsets } from '@shared/text';
import { sentenceSpans } from '@shared/align/sentences';

/** A span of the version's normalised text, with the paragraph it starts in. */
export interface Unit {
  start: number;
  end: number;
  paragraph: number;
}

/** A paragraph as a unit, whitespace trimmed; null for a blank paragraph or an index out of range. */
export function paragraphUnit(paragraphs: readonly Paragraph[], index: number): Unit | null {
  const p = paragraphs[index];
  if (!p) return null;
  const start = paragraphOffsets(paragraphs)[index] ?? 0;
  const lead = p.text.length - p.text.trimStart().length;
  const body = p.text.trim();
  return body ? { start: start + lead, end: start + lead + body.length, paragraph: index } : null;
}

/** Every sentence of the version, in reading order. */
export function versionSentences(paragraphs: readonly Paragraph[], lang: Lang): Unit[] {
  const starts = paragraphOffsets(paragraphs);
  return paragraphs.flatMap((p, i) => sentenceSpans(p.text, lang).map(([s, e]) => ({ start: (starts[i] ?? 0) + s, end: (starts[i] ?? 0) + e, paragraph: i })));
}

/**
 * The keyboard selection after one sentence step. Without a current selection: the first (→) or
 * last (←) sentence of the cursor's paragraph. Otherwise →/← move to the next/previous sentence,
 * and with `extend` → grows the selection by the next sentence while ← shrinks it by its last one
 * (never below one sentence). At either end of the article the selection stays as it is.
 */
export function stepSentence(sentences: readonly Unit[], current: { start: number; end: number } | null, cursorParagraph: number, dir: 1 | -1, extend: boolean): Unit | null {
  if (!current) {
    const inParagraph = sentences.filter((s) => s.paragraph === cursorParagraph);
    const pick = dir === 1 ? (inParagraph[0] ?? sentences.find((s) => s.paragraph > cursorParagraph)) : (inParagraph[inParagraph.length - 1] ?? [...sentences].reverse().find((s) => s.paragraph < cursorParagraph));
    return pick ?? null;
  }
  const first = sentences.find((s) => s.end > current.start);
  const paragraph = first?.paragraph ?? cursorParagraph;
  if (!extend) {
    const next = dir === 1 ? sentences.find((s) => s.start >= current.end) : [...sentences].reverse().find((s) => s.end <= current.start);
    return next ?? { ...current, paragraph };
  }
  if (dir === 1) {
    const next = sentences.find((s) => s.end > current.end);
    return { start: current.start, end: next ? next.end : current.end, paragraph };
  }
  const shorter = [...sentences].reverse().find((s) => s.end < current.end && s.end > current.start);
  return { start: current.start, end: shorter ? shorter.end : current.end, paragraph };
}
