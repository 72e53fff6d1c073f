/** The article the anchoring tests render: Vietnamese (NFC, plus one NFD word), with highlights. */
import { articleText } from '../../../src-main/shared/text';
import type { PlacedHighlight } from '../../../src-renderer/features/reader/segments';
import { makeParagraphs } from './readerDom';

/** "Việt" as stray decomposed code points (a base letter followed by combining marks). */
export const VIET_NFD = 'Việt'.normalize('NFD');

export const PARAGRAPHS = makeParagraphs([
  'Thư viện thị trấn mở cửa trở lại',
  'Sáng thứ Bảy, hàng trăm người dân đã xếp hàng từ sớm trước cửa thư viện.',
  'Bà Hạnh nói: “Có những em ngày trước đến đọc truyện tranh.”',
  `Người dùng gõ chữ ${VIET_NFD} bằng bộ gõ cũ.`,
  'A short English closing line.',
]);

/** The normalised text offsets point into. */
export const TEXT = articleText(PARAGRAPHS);

/** The [start, end) of the first occurrence of `needle` in TEXT (after `from`). */
export function find(needle: string, from = 0): [number, number] {
  const at = TEXT.indexOf(needle, from);
  if (at < 0) throw new Error(`not in fixture: ${needle}`);
  return [at, at + needle.length];
}

const [h1s, h1e] = find('hàng trăm người dân');
const [h2s] = find('xếp hàng');
const [, h2e] = find('Bà Hạnh');

/** One highlight inside paragraph 1 and one from paragraph 1 into paragraph 2. */
export const HIGHLIGHTS: PlacedHighlight[] = [
  { id: 'h1', start: h1s, end: h1e, color: 'yellow' },
  { id: 'h2', start: h2s, end: h2e, color: 'green' },
];

/** A search match on "truyện" in paragraph 2 (local offsets). */
export const MARKS = { 2: [[PARAGRAPHS[2]!.text.indexOf('truyện'), PARAGRAPHS[2]!.text.indexOf('truyện') + 6]] } as Record<
  number,
  [number, number][]
>;
