/**
 * Notes are Markdown. For paper, a note becomes rich text: one string with style and link ranges,
 * paragraphs, list items, table rows and code lines on their own lines ("\n", a forced break),
 * bullets, numbers, quote bars and cell separators as text. For a viewer's comment popup, it
 * becomes plain text that keeps the structure (/Contents has no styling, PDF 32000-1 §12.5.2).
 * Parsed by the note parser the app's note view uses (`shared/note-markdown`), so both show the
 * same thing; raw HTML in a note is printed as text, never interpreted, and only web and mail
 * links become links.
 */
import { parseNote, type NoteBlock, type NoteInline } from '../../../shared/note-markdown';
import type { FontKey, Rgb } from './styles';

/** A styled range of a rich text: a face, and a colour when it differs from the block's. */
export interface StyleRange {
  start: number;
  end: number;
  font: FontKey;
  color?: Rgb;
}

/** A link range of a rich text. */
export interface LinkRange {
  start: number;
  end: number;
  uri: string;
}

/** Text with its style and link ranges (offsets in UTF-16 code units). */
export interface RichText {
  text: string;
  styles: StyleRange[];
  links: LinkRange[];
}

/** Inline code: the block's face, in a muted brown so it stands apart without another font. */
export const CODE_COLOR: Rgb = [0.45, 0.2, 0.1];
/** Quote bars and table rules: grey, so the quoted words stay the darkest thing on the line. */
export const RULE_COLOR: Rgb = [0.55, 0.55, 0.55];

/** Marks the start of each line of a block quote (box drawing, in the embedded DejaVu fonts). */
export const QUOTE_BAR = '\u2502 ';
/** Separates table cells on a line. */
export const CELL_SEPARATOR = ' \u2502 ';

class Builder {
  text = '';
  styles: StyleRange[] = [];
  links: LinkRange[] = [];
  /** Quote bars to repeat after every line break inside block quotes. */
  private bars = 0;

  push(s: string, font?: FontKey, color?: Rgb): void {
    const start = this.text.length;
    this.text += s;
    if ((font && font !== 'regular') || color) this.styles.push({ start, end: this.text.length, font: font ?? 'regular', ...(color && { color }) });
  }

  /** A forced line break, then the quote bars of the blocks it is inside. */
  newline(): void {
    this.push('\n');
    if (this.bars) this.push(QUOTE_BAR.repeat(this.bars), 'regular', RULE_COLOR);
  }

  /** Text that may hold line breaks (code lines). */
  lines(s: string, font: FontKey, color?: Rgb): void {
    s.split('\n').forEach((line, i) => {
      if (i > 0) this.newline();
      if (line) this.push(line, font, color);
    });
  }

  inline(nodes: readonly NoteInline[], font: FontKey): void {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          this.lines(n.text, font);
          break;
        case 'br':
          this.newline();
          break;
        case 'code':
          this.lines(n.text, font, CODE_COLOR);
          break;
        case 'strong':
          this.inline(n.children, 'bold');
          break;
        case 'em':
          this.inline(n.children, font === 'bold' ? 'bold' : 'italic');
          break;
        case 'del':
          this.inline(n.children, font);
          break;
        case 'link': {
          const start = this.text.length;
          this.inline(n.children, font);
          this.links.push({ start, end: this.text.length, uri: n.href });
          break;
        }
      }
    }
  }

  blocks(list: readonly NoteBlock[], depth = 0, afterBullet = false): void {
    let first = afterBullet;
    for (const b of list) {
      if (!first && this.text) this.newline();
      first = false;
      switch (b.type) {
        case 'paragraph':
          this.inline(b.children, 'regular');
          break;
        case 'heading':
          this.inline(b.children, 'bold');
          break;
        case 'list':
          b.items.forEach((item, i) => {
            if (i > 0) this.newline();
            this.push(`${'  '.repeat(depth)}${b.ordered ? `${b.start + i}.` : '\u2022'} `);
            this.blocks(item, depth + 1, true);
          });
          break;
        case 'quote':
          this.bars++;
          this.push(QUOTE_BAR, 'regular', RULE_COLOR);
          this.blocks(b.children, depth, true);
          this.bars--;
          break;
        case 'code':
          this.lines(b.text, 'regular', CODE_COLOR);
          break;
        case 'table':
          [b.head, ...b.rows].forEach((row, r) => {
            if (r > 0) this.newline();
            row.forEach((cell, c) => {
              if (c > 0) this.push(CELL_SEPARATOR, 'regular', RULE_COLOR);
              this.inline(cell, r === 0 ? 'bold' : 'regular');
            });
          });
          break;
        case 'rule':
          this.push('\u2014\u2014\u2014', 'regular', RULE_COLOR);
          break;
      }
    }
  }
}

/** A note as rich text for the page (end notes, article notes). */
export function noteToRichText(markdown: string): RichText {
  const b = new Builder();
  b.blocks(parseNote(markdown.trim()));
  return { text: b.text.replace(/\n+$/, ''), styles: b.styles, links: b.links };
}

/** A note as plain text with its structure (bullets, numbers, "text (url)" links), for /Contents. */
export function noteToPlainText(markdown: string): string {
  const rich = noteToRichText(markdown);
  let out = rich.text;
  // Links last to first, so earlier offsets stay valid.
  for (const link of [...rich.links].sort((a, b) => b.end - a.end)) {
    if (rich.text.slice(link.start, link.end) !== link.uri) out = `${out.slice(0, link.end)} (${link.uri})${out.slice(link.end)}`;
  }
  return out;
}
