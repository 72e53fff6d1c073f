/**
 * Sentence alignment inside aligned paragraphs (pure). The paragraph aligner pairs paragraphs;
 * within each paragraph bead the sentences of both sides are aligned the same way, by length
 * (Gale & Church 1993 was designed for sentences), with the article-wide length ratio. The
 * result maps a highlight in one version to the sentence(s) of the other version it translates.
 */
import { alignParagraphs, type Bead } from './align';
import { sentenceSpans } from './sentences';

/** A span of one version's normalised text (paragraphs joined by "\n\n"). */
export interface TextSpan {
  start: number;
  end: number;
}

/** Aligned sentences: the left version's spans and the right version's (either may be empty). */
export interface SentenceBead {
  left: TextSpan[];
  right: TextSpan[];
}

/** One version's paragraphs (texts) and language. */
export interface AlignSide {
  paragraphs: readonly string[];
  lang: string;
}

const SEPARATOR = 2; // "\n\n" between paragraphs of the normalised text

function starts(paragraphs: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    out.push(at);
    at += p.length + SEPARATOR;
  }
  return out;
}

/** The sentences of some paragraphs of a side, as spans of its normalised text, with their texts. */
function sentencesOf(side: AlignSide, offsets: number[], indexes: number[]): Array<{ span: TextSpan; text: string }> {
  return indexes.flatMap((i) => {
    const text = side.paragraphs[i] ?? '';
    const base = offsets[i] ?? 0;
    return sentenceSpans(text, side.lang).map(([s, e]) => ({ span: { start: base + s, end: base + e }, text: text.slice(s, e) }));
  });
}

/**
 * Aligns the sentences of two versions inside their paragraph beads (`beads`, from
 * alignParagraphs). Every sentence of both sides appears in exactly one sentence bead.
 */
export function alignSentences(left: AlignSide, right: AlignSide, beads: readonly Bead[]): SentenceBead[] {
  const lo = starts(left.paragraphs);
  const ro = starts(right.paragraphs);
  const total = (ps: readonly string[]) => ps.reduce((n, p) => n + p.length, 0);
  // The article-wide ratio: one short bead alone says little about how long translations run.
  const ratio = total(left.paragraphs) > 0 ? total(right.paragraphs) / total(left.paragraphs) : 1;
  const out: SentenceBead[] = [];
  for (const bead of beads) {
    const ls = sentencesOf(left, lo, bead.left);
    const rs = sentencesOf(right, ro, bead.right);
    if (!ls.length || !rs.length) {
      if (ls.length || rs.length) out.push({ left: ls.map((s) => s.span), right: rs.map((s) => s.span) });
      continue;
    }
    for (const b of alignParagraphs(ls.map((s) => s.text), rs.map((s) => s.text), { ratio: ratio > 0 ? ratio : 1 })) {
      out.push({ left: b.left.map((i) => ls[i]!.span), right: b.right.map((i) => rs[i]!.span) });
    }
  }
  return out;
}

/**
 * The other version's sentences aligned with the sentences that [start, end) of `side` touches,
 * merged and in order; empty when none align (an added sentence) or the span touches no sentence.
 */
export function counterpartSpans(beads: readonly SentenceBead[], side: 'left' | 'right', start: number, end: number): TextSpan[] {
  const other = side === 'left' ? 'right' : 'left';
  const spans = beads.filter((b) => b[side].some((s) => s.start < end && s.end > start)).flatMap((b) => b[other]);
  return spans.sort((a, b) => a.start - b.start);
}
