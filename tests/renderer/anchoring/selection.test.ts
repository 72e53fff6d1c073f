import { beforeEach, describe, expect, it } from 'vitest';
import { selectionToTextRange } from '../../../src-renderer/anchoring/selection';
import { HIGHLIGHTS, MARKS, PARAGRAPHS, TEXT, VIET_NFD } from './fixture';
import { pointIn, rangeBetween, renderArticle } from './readerDom';

let root: HTMLElement;
let starts: number[];
const paragraph = (i: number) => root.querySelector(`[data-paragraph="${i}"]`)!;
/** The selected text, read back from the normalised text through the computed offsets. */
const selected = (range: Range): string | null => {
  const r = selectionToTextRange(root, range, starts);
  return r ? TEXT.slice(r.start, r.end) : null;
};

beforeEach(() => {
  ({ root, starts } = renderArticle(PARAGRAPHS, HIGHLIGHTS, MARKS));
});

describe('selectionToTextRange', () => {
  it('maps a selection inside one text node', () => {
    const a = pointIn(root, 'trước cửa');
    expect(selected(rangeBetween(a, { node: a.node, offset: a.offset + 'trước cửa'.length }))).toBe('trước cửa');
  });

  it('maps a selection from inside a highlight mark, past note markers, into plain text', () => {
    const a = pointIn(paragraph(1), 'trăm');
    const b = pointIn(paragraph(1), 'từ sớm', 'từ sớm'.length);
    expect(selected(rangeBetween(a, b))).toBe('trăm người dân đã xếp hàng từ sớm');
  });

  it('maps a selection inside a search-match span nested in a mark-free paragraph', () => {
    const a = pointIn(paragraph(2), 'uyện', 0);
    const b = pointIn(paragraph(2), ' tranh', ' tranh'.length);
    expect(selected(rangeBetween(a, b))).toBe('uyện tranh');
  });

  it('maps a selection across paragraphs, separators included', () => {
    const a = pointIn(paragraph(1), 'thư viện.');
    const b = pointIn(paragraph(3), 'bằng', 4);
    expect(selected(rangeBetween(a, b))).toBe(`thư viện.\n\n${PARAGRAPHS[2]!.text}\n\nNgười dùng gõ chữ ${VIET_NFD} bằng`);
  });

  it('goes through window.getSelection() the same way', () => {
    const a = pointIn(paragraph(2), 'Hạnh');
    const b = pointIn(paragraph(2), 'nói', 3);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeBetween(a, b));
    expect(selected(selection.getRangeAt(0))).toBe('Hạnh nói');
  });

  it('clamps a start or end that falls between paragraphs to the nearest paragraph text', () => {
    const p2 = paragraph(2);
    const beforeP2 = { node: root, offset: Array.prototype.indexOf.call(root.childNodes, p2) };
    expect(selected(rangeBetween(beforeP2, pointIn(p2, 'nói', 3)))).toBe('Bà Hạnh nói');
    const afterP1 = { node: root, offset: Array.prototype.indexOf.call(root.childNodes, paragraph(1)) + 1 };
    expect(selected(rangeBetween(pointIn(paragraph(1), 'thư viện.'), afterP1))).toBe('thư viện.');
    // Starting in the formatting whitespace between two paragraph elements.
    const gap = p2.previousSibling as Text;
    expect(selected(rangeBetween({ node: gap, offset: 1 }, pointIn(p2, 'Bà', 2)))).toBe('Bà');
  });

  it('trims leading and trailing whitespace, across a paragraph end', () => {
    const a = pointIn(paragraph(3), ' bằng bộ ', 0);
    expect(selected(rangeBetween(a, { node: a.node, offset: a.offset + ' bằng bộ '.length }))).toBe('bằng bộ');
    const endOfP1 = pointIn(paragraph(1), 'thư viện.', 'thư viện.'.length);
    expect(selected(rangeBetween(endOfP1, pointIn(paragraph(2), 'Bà', 2)))).toBe('Bà');
    const p1Start = pointIn(paragraph(1), 'Sáng');
    const whitespaceOnly = rangeBetween(endOfP1, { node: paragraph(2).previousSibling!, offset: 3 });
    expect(selected(whitespaceOnly)).toBeNull();
    expect(selected(rangeBetween(p1Start, p1Start))).toBeNull(); // collapsed
  });

  it('starts a selection made inside a note marker at the highlight it marks', () => {
    const sup = paragraph(1).querySelector('sup[data-folio-ignore]')!;
    const b = pointIn(paragraph(1), 'trăm', 4);
    expect(selected(rangeBetween({ node: sup.firstChild!, offset: 0 }, b))).toBe('hàng trăm');
  });

  it('returns null outside the article root and clamps a selection that runs into it', () => {
    const aside = document.querySelector('aside')!.firstChild!;
    expect(selected(rangeBetween({ node: aside, offset: 0 }, { node: aside, offset: 5 }))).toBeNull();
    const heading = document.querySelector('header h1')!.firstChild!;
    expect(selected(rangeBetween({ node: heading, offset: 0 }, { node: heading, offset: 3 }))).toBeNull();
    expect(selected(rangeBetween({ node: heading, offset: 1 }, pointIn(paragraph(0), 'Thư viện', 8)))).toBe('Thư viện');
    const all = rangeBetween({ node: document.body, offset: 0 }, { node: document.body, offset: document.body.childNodes.length });
    expect(selected(all)).toBe(TEXT);
  });

  it('accepts element containers (triple-click selects a whole paragraph that way)', () => {
    const p3 = paragraph(3);
    expect(selected(rangeBetween({ node: p3, offset: 0 }, { node: p3, offset: p3.childNodes.length }))).toBe(PARAGRAPHS[3]!.text);
  });

  it('keeps combining marks of a decomposed (NFD) letter with their base letter', () => {
    const word = pointIn(paragraph(3), VIET_NFD);
    const at = (delta: number) => ({ node: word.node, offset: word.offset + delta });
    expect(selected(rangeBetween(at(0), at(VIET_NFD.length)))).toBe(VIET_NFD);
    // Ending just after the base "e" (before its two combining marks) takes the marks too.
    expect(VIET_NFD.slice(0, 3)).toBe('Vie');
    expect(selected(rangeBetween(at(0), at(3)))).toBe('Vi' + 'ệ'.normalize('NFD'));
    // Starting on a combining mark moves back to its base letter.
    expect(selected(rangeBetween(at(3), at(VIET_NFD.length)))).toBe('ệt'.normalize('NFD'));
    // NFC letters are single code units: "ữ" is one character of the selection.
    const chu = pointIn(paragraph(3), 'chữ');
    expect(selected(rangeBetween(chu, { node: chu.node, offset: chu.offset + 3 }))).toBe('chữ');
  });
});
