/**
 * Whether a note may hold Markdown, without loading a parser: a note with none of Markdown's
 * syntax characters or line starts is its own plain text. Kept apart from `note-markdown.ts` (and
 * markdown-it) so one-shot commands can decide whether they need the parser at all.
 */

/** Markdown syntax characters anywhere, or a list, heading-underline, numbered or indented-code line start. */
const MARKUP = /[*_`[\]<>#|~\\&!]|(?:^|\n)\s*(?:[-+=]|\d+[.)])|(?:^|\n) {4}/;

/** True when `note` may hold Markdown (false means its text is exactly what a reader sees). */
export function mayHoldMarkdown(note: string): boolean {
  return MARKUP.test(note);
}

/** A note's text with Windows and old Mac line ends made "\n", trimmed. */
export function normaliseNote(note: string): string {
  return note.replace(/\r\n?/g, '\n').trim();
}
