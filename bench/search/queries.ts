/** The fixed query mix: 1–3 syllables, with and without diacritics, prefixes and quoted phrases. */

/** A benchmark query and the options the stock baseline gets for it. */
export interface BenchQuery {
  q: string;
  kind: 'diacritics' | 'folded' | 'prefix' | 'phrase';
  /** Stock MiniSearch: prefix search for the "prefix" kind (its README's search-as-you-type). */
  stockPrefix: boolean;
}

const DIACRITICS = ['đường', 'dân chủ', 'kinh tế', 'phát triển kinh tế', 'hội đồng nhân dân', 'lịch sử', 'giáo dục', 'hòa bình', 'thuỷ lợi', 'nghiên cứu khoa học', 'chính sách', 'quê hương', 'đương nhiệm', 'sức khỏe', 'tăng trưởng'];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The mix, in a fixed order. */
export const QUERY_MIX: BenchQuery[] = [
  ...DIACRITICS.map((q) => ({ q, kind: 'diacritics' as const, stockPrefix: false })),
  ...DIACRITICS.map((q) => ({ q: fold(q), kind: 'folded' as const, stockPrefix: false })),
  ...['phát tri', 'kinh t', 'nghiên c', 'gia', 'chinh s', 'que huo', 'thanh ph', 'doanh ng'].map((q) => ({ q, kind: 'prefix' as const, stockPrefix: true })),
  ...['"dân chủ cơ sở"', '"phat trien kinh te"', '"hội đồng nhân dân"', '"chu nghia xa hoi"', '"con đường"'].map((q) => ({ q, kind: 'phrase' as const, stockPrefix: false })),
];
