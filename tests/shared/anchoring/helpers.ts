/** Fixture loading for the anchoring tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a fixture article as normalised text (paragraphs joined by "\n\n", NFC). */
export function fixtureText(name: string): string {
  const url = new URL(`../../fixtures/annotations/${name}`, import.meta.url);
  return readFileSync(fileURLToPath(url), 'utf8').trimEnd().normalize('NFC');
}

/** [start, end) of the first occurrence of `quote` in `text`; fails loudly when absent. */
export function rangeOf(text: string, quote: string, from = 0): [number, number] {
  const at = text.indexOf(quote, from);
  if (at === -1) throw new Error(`fixture does not contain: ${quote}`);
  return [at, at + quote.length];
}
