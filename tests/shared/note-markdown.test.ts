/** The one note parser: quotes, fenced code, tables, safe links, and plain text for snippets. */
import { describe, expect, it } from 'vitest';
import { MAX_INLINE_DEPTH, inlineText, notePlainText, parseNote, safeHref, type NoteBlock, type NoteInline } from '../../src-main/shared/note-markdown';
import { noteToRichText } from '../../src-main/core/export/pdf/note-markdown';

const inlineDepth = (nodes: readonly NoteInline[]): number => Math.max(0, ...nodes.map((n) => ('children' in n ? 1 + inlineDepth(n.children) : 0)));

describe('parseNote', () => {
  it('reads block quotes, fenced code and simple GFM tables as blocks', () => {
    const blocks = parseNote('> Trích dẫn **đậm**\n\n```ts\nconst a = 1;\nlet b = [a];\n```\n\n| Tỉnh | Độ mặn |\n|:--|--:|\n| Bến Tre | 4 g/l |\n| Cà Mau | *5* g/l |');
    expect(blocks.map((b) => b.type)).toEqual(['quote', 'code', 'table']);
    const [quote, code, table] = blocks as [Extract<NoteBlock, { type: 'quote' }>, Extract<NoteBlock, { type: 'code' }>, Extract<NoteBlock, { type: 'table' }>];
    expect(quote.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Trích dẫn ' }, { type: 'strong', children: [{ type: 'text', text: 'đậm' }] }] }]);
    expect(code).toEqual({ type: 'code', lang: 'ts', text: 'const a = 1;\nlet b = [a];' });
    expect(table.align).toEqual(['left', 'right']);
    expect(table.head.map(inlineText)).toEqual(['Tỉnh', 'Độ mặn']);
    expect(table.rows.map((r) => r.map(inlineText))).toEqual([
      ['Bến Tre', '4 g/l'],
      ['Cà Mau', '5 g/l'],
    ]);
  });

  it('keeps the text of a link with an unsafe scheme, whole, and never makes it a link', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      const [p] = parseNote(`Xem [chỗ này](${href}) nhé.`);
      expect(p, href).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'Xem chỗ này nhé.' }] });
    }
  });

  it('parses a link whose URL holds parentheses whole', () => {
    const [p] = parseNote('Xem [sông Mê Kông](https://vi.wikipedia.org/wiki/Mê_Kông_(sông)) nhé.');
    expect(p).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Xem ' },
        { type: 'link', href: 'https://vi.wikipedia.org/wiki/M%C3%AA_K%C3%B4ng_(s%C3%B4ng)', children: [{ type: 'text', text: 'sông Mê Kông' }] },
        { type: 'text', text: ' nhé.' },
      ],
    });
  });

  it('leaves HTML as text', () => {
    const blocks = parseNote('<script>alert(1)</script> <b>y</b>');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script> <b>y</b>' }] }]);
  });

  it('accepts only web and mail links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
});

describe('pathological notes (the longest a note may be: 100,000 characters)', () => {
  it('keeps emphasis nested at most MAX_INLINE_DEPTH deep, with every word kept', () => {
    const note = `${'**'.repeat(24_000)}giữa${'**'.repeat(24_000)} và ${'*'.repeat(1000)}cuối${'*'.repeat(1000)}`;
    const [p] = parseNote(note) as [Extract<NoteBlock, { type: 'paragraph' }>];
    expect(inlineDepth(p.children)).toBeLessThanOrEqual(MAX_INLINE_DEPTH);
    expect(inlineText(p.children)).toBe('giữa và cuối');
    expect(noteToRichText(note).text).toBe('giữa và cuối');
  });

  it('reads runs of brackets around unsafe links as text, never as links', () => {
    const note = `${'['.repeat(20_000)}chữ${'](javascript:x)'.repeat(2000)}`;
    const [p] = parseNote(note) as [Extract<NoteBlock, { type: 'paragraph' }>];
    expect(JSON.stringify(p)).not.toContain('"link"');
    expect(notePlainText(note)).toContain('chữ');
  });
});

describe('notePlainText', () => {
  it('strips the Markdown and keeps the same words in order', () => {
    expect(notePlainText('**Ý chính**: nước *mặn* vào [sâu](https://example.org/a_(b)) hơn.\n\n> trích `mã`\n\n- một\n- hai')).toBe('Ý chính: nước mặn vào sâu hơn.\ntrích mã\nmột\nhai');
    expect(notePlainText('[x](javascript:alert(1)) còn lại')).toBe('x còn lại');
  });

  it('keeps the numbers of ordered items, which may be words of the note', () => {
    expect(notePlainText('2016. Năm đó mặn về sớm.\n\nGhi thêm:\n\n1. đầu\n2. **sau**\n- gạch')).toBe('2016. Năm đó mặn về sớm.\nGhi thêm:\n1. đầu\n2. sau\ngạch');
  });

  it('returns a note without Markdown as it is', () => {
    expect(notePlainText('Độ mặn tăng nhanh, 4 g/l.')).toBe('Độ mặn tăng nhanh, 4 g/l.');
  });
});
