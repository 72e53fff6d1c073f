/** The fixed query mixes: with and without diacritics, as-you-type prefixes, quoted phrases, names. */

/** A benchmark query and how each peer is asked it. */
export interface BenchQuery {
  q: string;
  kind: 'diacritics' | 'folded' | 'prefix' | 'phrase' | 'name';
  /** Stock MiniSearch: prefix search for the "prefix" kind (its README's search-as-you-type). */
  stockPrefix: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const both = (qs: string[], kind: 'diacritics' | 'name'): BenchQuery[] =>
  qs.flatMap((q) => [
    { q, kind, stockPrefix: false },
    { q: fold(q), kind: kind === 'name' ? 'name' : 'folded', stockPrefix: false },
  ]);
const prefixes = (qs: string[]): BenchQuery[] => qs.map((q) => ({ q, kind: 'prefix', stockPrefix: true }));
const phrases = (qs: string[]): BenchQuery[] => qs.map((q) => ({ q, kind: 'phrase', stockPrefix: false }));

/** General news mix (corpus.ts). */
export const NEWS_MIX: BenchQuery[] = [
  ...both(['đường', 'dân chủ', 'kinh tế', 'phát triển kinh tế', 'hội đồng nhân dân', 'lịch sử', 'giáo dục', 'hòa bình', 'thuỷ lợi', 'nghiên cứu khoa học', 'chính sách', 'quê hương', 'đương nhiệm', 'sức khỏe', 'tăng trưởng'], 'diacritics'),
  ...both(['Nguyễn Văn Hùng', 'Trần Thị Lan'], 'name'),
  ...prefixes(['d', 'dâ', 'dân v', 'cong t', 'phát tri', 'kinh t', 'nghiên c', 'gia', 'chinh s', 'que huo', 'thanh ph', 'doanh ng']),
  ...phrases(['"dân chủ cơ sở"', '"phat trien kinh te"', '"hội đồng nhân dân"', '"chu nghia xa hoi"', '"con đường"']),
];

/** Topical library mix (topical.ts): the query words occur in most articles. */
export const TOPICAL_MIX: BenchQuery[] = [
  ...both(['dân vận', 'công tác', 'nhiệm vụ', 'cán bộ đảng viên', 'xây dựng nông thôn mới', 'quy chế dân chủ', 'đoàn kết', 'khiếu nại'], 'diacritics'),
  ...both(['Hồ Chí Minh', 'Bí thư Huyện ủy'], 'name'),
  ...prefixes(['d', 'dâ', 'dân', 'dân v', 'cong t', 'cong ta', 'nhiem v', 'ph']),
  ...phrases(['"dân vận khéo"', '"cong tac dan van"', '"hệ thống chính trị"', '"nhiem vu trong tam"']),
];

/**
 * Queries typed one keystroke at a time (each keystroke a prefix query, timed on its own): what
 * narrowing the previous query's candidates is for. Not in the mixes, so their caches start cold.
 */
export const TYPED_SEQUENCES: Record<string, string[]> = {
  topical: ['khiếu nại', 'xay dung nong thon'],
  news: ['nghiên cứu', 'thuy loi'],
};

/** Every keystroke of `q` as a prefix query. */
export function keystrokes(q: string): BenchQuery[] {
  const chars = [...q];
  return chars.map((_, i) => ({ q: chars.slice(0, i + 1).join(''), kind: 'prefix', stockPrefix: true }));
}
