/** Pure text helpers shared by main and renderer. */
import type { Paragraph } from './types';

/** The separator between paragraphs in an article's normalised text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * The normalised text of a version: paragraph texts joined by PARAGRAPH_SEPARATOR.
 * TextPositionSelector offsets point into this string.
 */
export function articleText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
}

/** Start offset of each paragraph inside `articleText(paragraphs)`. */
export function paragraphOffsets(paragraphs: readonly Paragraph[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    offsets.push(at);
    at += p.text.length + PARAGRAPH_SEPARATOR.length;
  }
  return offsets;
}
