/**
 * Highlight rendering in the real React component: overlapping highlights become flat marks
 * with every covering id, cross-paragraph highlights mark each paragraph's share, note markers
 * are excluded from the anchoring text, and the DOM text equals the paragraph text.
 */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { ParagraphView } from '../../../../src-renderer/features/reader/ParagraphView';
import { selectionToTextRange } from '../../../../src-renderer/anchoring/selection';
import { visibleText } from '../../../../src-renderer/anchoring/paragraphText';
import { articleText, paragraphOffsets } from '../../../../src-main/shared/text';
import type { Paragraph } from '../../../../src-main/shared/types';

const paragraphs: Paragraph[] = [
  { index: 0, kind: 'paragraph', text: 'Những cây lúa nổi vươn cao theo mặt nước.' },
  { index: 1, kind: 'paragraph', text: 'Bà con chờ nước rút để gặt.' },
];
const starts = paragraphOffsets(paragraphs);
const full = articleText(paragraphs);

function renderAll(highlights: Array<{ id: string; start: number; end: number; color: 'yellow' | 'green' | 'blue' | 'pink' | 'purple' }>, withNotes = new Set<string>()) {
  return render(
    <div className="lang-root" data-lang="vi">
      {paragraphs.map((p, i) => (
        <ParagraphView key={i} paragraph={p} start={starts[i]!} highlights={highlights} withNotes={withNotes} focusedId={null} />
      ))}
    </div>,
  );
}

describe('ParagraphView', () => {
  it('renders overlapping highlights as flat marks carrying every covering id', () => {
    const a = { id: 'a', start: full.indexOf('cây'), end: full.indexOf('vươn') + 4, color: 'yellow' as const };
    const b = { id: 'b', start: full.indexOf('nổi'), end: full.indexOf('mặt') + 3, color: 'blue' as const };
    const { container } = renderAll([a, b]);
    const marks = [...container.querySelectorAll('mark.hl')].map((m) => ({ text: m.textContent, ids: m.getAttribute('data-highlight-ids'), cls: m.className }));
    expect(marks).toEqual([
      { text: 'cây lúa ', ids: 'a', cls: expect.stringContaining('color-yellow') },
      { text: 'nổi vươn', ids: 'a b', cls: expect.stringContaining('overlap') },
      { text: ' cao theo mặt', ids: 'b', cls: expect.stringContaining('color-blue') },
    ]);
    expect(marks[1]!.cls).toContain('color-blue');
    const p0 = container.querySelector('[data-paragraph="0"]')!;
    expect(p0.textContent).toBe(paragraphs[0]!.text);
  });

  it('marks each paragraph’s share of a cross-paragraph highlight', () => {
    const h = { id: 'x', start: full.indexOf('mặt nước'), end: full.indexOf('chờ') + 3, color: 'green' as const };
    const { container } = renderAll([h]);
    const texts = [...container.querySelectorAll('mark.hl')].map((m) => m.textContent);
    expect(texts).toEqual(['mặt nước.', 'Bà con chờ']);
  });

  it('puts a note marker after a noted highlight, ignored by the anchoring text', () => {
    const h = { id: 'n', start: full.indexOf('Bà'), end: full.indexOf('con') + 3, color: 'pink' as const };
    const { container } = renderAll([h], new Set(['n']));
    const p1 = container.querySelector('[data-paragraph="1"]')!;
    expect(p1.querySelector('.note-marker[data-folio-ignore]')).not.toBeNull();
    expect(visibleText(p1)).toBe(paragraphs[1]!.text);
    const text = p1.querySelector('mark')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(p1.lastChild!, p1.lastChild!.childNodes.length);
    const offsets = selectionToTextRange(container as HTMLElement, range, starts)!;
    expect(full.slice(offsets.start, offsets.end)).toBe(paragraphs[1]!.text);
  });

  it('lets a right-to-left paragraph take its own direction (dir="auto"), as the PDF export does', () => {
    const arabic: Paragraph = { index: 2, kind: 'paragraph', text: 'مرحبا بكم في المكتبة الصغيرة. نقرأ الكتب كل مساء.' };
    const { container } = render(<ParagraphView paragraph={arabic} start={0} highlights={[]} withNotes={new Set()} focusedId={null} />);
    const p = container.querySelector('[data-paragraph="2"]');
    // Chromium resolves "auto" from the first strong character: right to left here, left to right for Vietnamese.
    expect(p?.getAttribute('dir')).toBe('auto');
    expect(p?.textContent).toBe(arabic.text);
  });
});
