/**
 * Notes as plain text for search snippets (`shared/note-markdown`'s `notePlainText`), with the
 * parser (markdown-it) loaded only once some note holds Markdown: `folio search` over a library
 * whose notes are plain text loads no parser (tests/cli/start-up-imports.test.ts).
 */
import { mayHoldMarkdown, normaliseNote } from '../shared/note-markup';

/** Turns a note's Markdown into the words a reader sees. */
export type NotePlainText = (markdown: string) => string;

let parsed: NotePlainText | null = null;

/**
 * A converter able to read every note of `notes()`: the parser's when one of them may hold
 * Markdown (kept for later calls, which then skip `notes()`), else one that only normalises line
 * ends (the same result on such notes).
 */
export async function notePlainTextFor(notes: () => Iterable<string>): Promise<NotePlainText> {
  if (parsed) return parsed;
  for (const note of notes()) {
    if (mayHoldMarkdown(note)) {
      parsed = (await import('../shared/note-markdown')).notePlainText;
      return parsed;
    }
  }
  return normaliseNote;
}
