/**
 * Notes are Markdown (bold, italics, lists, links, code). For paper, a note becomes rich text:
 * one string with style and link ranges, paragraphs and list items on their own lines ("\n",
 * a forced break), bullets and numbers as text. For a viewer's comment popup, it becomes plain
 * text that keeps the structure (/Contents has no styling, PDF 32000-1 §12.5.2). Parsed with
 * marked's lexer (CommonMark/GFM); raw HTML in a note is printed as text, never interpreted.
 */
import { lexer, type Token, type Tokens } from 'marked';
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

const SAFE_URI = /^(https?:|mailto:)/i;

const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);

class Builder {
  text = '';
  styles: StyleRange[] = [];
  links: LinkRange[] = [];

  push(s: string, font?: FontKey, color?: Rgb): void {
    const start = this.text.length;
    this.text += s;
    if ((font && font !== 'regular') || color) this.styles.push({ start, end: this.text.length, font: font ?? 'regular', ...(color && { color }) });
  }

  inline(tokens: readonly Token[] | undefined, font: FontKey): void {
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'strong':
          this.inline((t as Tokens.Strong).tokens, 'bold');
          break;
        case 'em':
          this.inline((t as Tokens.Em).tokens, font === 'bold' ? 'bold' : 'italic');
          break;
        case 'codespan':
          this.push(decode((t as Tokens.Codespan).text), font, CODE_COLOR);
          break;
        case 'link': {
          const link = t as Tokens.Link;
          const start = this.text.length;
          this.inline(link.tokens, font);
          if (SAFE_URI.test(link.href)) this.links.push({ start, end: this.text.length, uri: link.href });
          break;
        }
        case 'br':
          this.push('\n');
          break;
        case 'text': {
          const text = t as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) this.inline(text.tokens, font);
          else this.push(decode(text.text), font);
          break;
        }
        default:
          this.push(decode('text' in t && typeof t.text === 'string' ? t.text : t.raw), font);
      }
    }
  }

  blocks(tokens: readonly Token[], depth = 0, afterBullet = false): void {
    let first = afterBullet;
    for (const t of tokens) {
      if (t.type === 'space') continue;
      if (!first && this.text && !this.text.endsWith('\n')) this.push('\n');
      first = false;
      if (t.type === 'list') {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => {
          if (i > 0) this.push('\n');
          const start = typeof list.start === 'number' ? list.start : 1;
          this.push(`${'  '.repeat(depth)}${list.ordered ? `${start + i}.` : '•'} `);
          this.blocks(item.tokens, depth + 1, true);
        });
      } else if (t.type === 'heading') {
        this.inline((t as Tokens.Heading).tokens, 'bold');
      } else if (t.type === 'code') {
        this.push((t as Tokens.Code).text, 'regular', CODE_COLOR);
      } else if ('tokens' in t && Array.isArray(t.tokens)) {
        this.inline(t.tokens, 'regular');
      } else {
        this.push(decode('text' in t && typeof t.text === 'string' ? t.text : t.raw));
      }
    }
  }
}

/** A note as rich text for the page (end notes, article notes). */
export function noteToRichText(markdown: string): RichText {
  const b = new Builder();
  b.blocks(lexer(markdown.replace(/\r\n?/g, '\n').trim()));
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
