/** Loads the reader fixtures (a short Vietnamese article and its English translation). */
import vi from '../../../fixtures/reader/library.vi.txt?raw';
import en from '../../../fixtures/reader/library.en.txt?raw';

/** Split a fixture into paragraph texts (blank-line separated). */
function paragraphsOf(text: string): string[] {
  return text.trim().split(/\n\n+/);
}

/** The Vietnamese paragraphs of the library article. */
export const LIBRARY_VI = paragraphsOf(vi);
/** The English paragraphs of the library article, one per Vietnamese paragraph. */
export const LIBRARY_EN = paragraphsOf(en);
