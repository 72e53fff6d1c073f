/** Loads the alignment fixtures (a short Vietnamese article and its English translation). */
import { readFileSync } from 'node:fs';

function paragraphsOf(file: string): string[] {
  return readFileSync(new URL(`../../fixtures/reader/${file}`, import.meta.url), 'utf8').trim().split(/\n\n+/);
}

/** The Vietnamese paragraphs of the library article. */
export const LIBRARY_VI = paragraphsOf('library.vi.txt');
/** The English paragraphs of the library article, one per Vietnamese paragraph. */
export const LIBRARY_EN = paragraphsOf('library.en.txt');
