import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../../../src-main/shared/align/align';
import { alignSentences, counterpartSpans } from '../../../src-main/shared/align/sentence-align';

const vi = [
  'Trời chưa sáng hẳn, bến sông đã đông người. Ghe chở dưa hấu cập bờ trước tiên. Tiếng gọi nhau vang khắp mặt nước.',
  'Bà Năm bán bánh canh ở đầu bến đã ba mươi năm. Nồi nước dùng của bà nấu từ nửa đêm, khi cả xóm còn ngủ say và chỉ có tiếng ghe máy xa xa. Khách quen gọi bà là người giữ giờ của bến.',
];
const en = [
  'Before the sky is fully light, the landing is already crowded. Boats loaded with watermelons dock first. Calls echo across the water.',
  // The translator joined the second and third sentences.
  'Mrs Nam has sold noodle soup at the head of the landing for thirty years. She starts her broth at midnight, while the hamlet sleeps and only distant motorboats are heard, and regulars call her the timekeeper of the landing.',
];
const viText = vi.join('\n\n');
const enText = en.join('\n\n');
const texts = (spans: Array<{ start: number; end: number }>, text: string) => spans.map((s) => text.slice(s.start, s.end));

describe('alignSentences', () => {
  const beads = alignSentences({ paragraphs: vi, lang: 'vi' }, { paragraphs: en, lang: 'en' }, alignParagraphs(vi, en));

  it('pairs sentences one to one where the translation follows the original', () => {
    const first = beads[0]!;
    expect(texts(first.left, viText)).toEqual(['Trời chưa sáng hẳn, bến sông đã đông người.']);
    expect(texts(first.right, enText)).toEqual(['Before the sky is fully light, the landing is already crowded.']);
  });

  it('groups two sentences against the one the translator made of them', () => {
    const joined = beads.find((b) => b.left.length === 2);
    expect(joined && texts(joined.left, viText)).toEqual([
      'Nồi nước dùng của bà nấu từ nửa đêm, khi cả xóm còn ngủ say và chỉ có tiếng ghe máy xa xa.',
      'Khách quen gọi bà là người giữ giờ của bến.',
    ]);
    expect(joined && texts(joined.right, enText)).toHaveLength(1);
  });

  it('covers every sentence of both sides exactly once, in order', () => {
    expect(beads.flatMap((b) => b.left).length).toBe(6);
    expect(beads.flatMap((b) => b.right).length).toBe(5);
    const starts = beads.flatMap((b) => b.right.map((s) => s.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('finds the other language for a highlight, across the sentences it touches', () => {
    const from = viText.indexOf('Ghe chở');
    const to = viText.indexOf('Tiếng gọi') + 5;
    expect(texts(counterpartSpans(beads, 'left', from, to), enText)).toEqual(['Boats loaded with watermelons dock first.', 'Calls echo across the water.']);
    const back = enText.indexOf('Mrs Nam');
    expect(texts(counterpartSpans(beads, 'right', back, back + 7), viText)).toEqual(['Bà Năm bán bánh canh ở đầu bến đã ba mươi năm.']);
  });
});
