import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@shared/types';
import { paragraphUnit, stepSentence, versionSentences } from '../../../../src-renderer/features/reader/reading-units';

const paragraphs: Paragraph[] = [
  { index: 0, kind: 'paragraph', text: 'Bến sông đông người. Ghe cập bờ.' },
  { index: 1, kind: 'paragraph', text: '  Bà Năm bán bánh canh. Khách quen gọi bà. ' },
  { index: 2, kind: 'paragraph', text: 'Bến yên tĩnh.' },
];
const full = paragraphs.map((p) => p.text).join('\n\n');
const sentences = versionSentences(paragraphs, 'vi');
const text = (u: { start: number; end: number } | null) => (u ? full.slice(u.start, u.end) : null);

describe('reading units', () => {
  it('finds every sentence of the version at its offset in the normalised text', () => {
    expect(sentences.map(text)).toEqual(['Bến sông đông người.', 'Ghe cập bờ.', 'Bà Năm bán bánh canh.', 'Khách quen gọi bà.', 'Bến yên tĩnh.']);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1, 2]);
  });

  it('gives a paragraph without its surrounding spaces', () => {
    expect(text(paragraphUnit(paragraphs, 1))).toBe('Bà Năm bán bánh canh. Khách quen gọi bà.');
    expect(paragraphUnit(paragraphs, 9)).toBeNull();
  });

  it('starts at the first or last sentence of the cursor paragraph', () => {
    expect(text(stepSentence(sentences, null, 1, 1, false))).toBe('Bà Năm bán bánh canh.');
    expect(text(stepSentence(sentences, null, 1, -1, false))).toBe('Khách quen gọi bà.');
  });

  it('moves sentence by sentence across paragraphs, and stays at the ends', () => {
    const second = stepSentence(sentences, sentences[1]!, 0, 1, false);
    expect(text(second)).toBe('Bà Năm bán bánh canh.');
    expect(second?.paragraph).toBe(1);
    expect(text(stepSentence(sentences, sentences[2]!, 1, -1, false))).toBe('Ghe cập bờ.');
    expect(text(stepSentence(sentences, sentences[4]!, 2, 1, false))).toBe('Bến yên tĩnh.');
  });

  it('extends by the next sentence and shrinks by the last, never below one', () => {
    const two = stepSentence(sentences, sentences[1]!, 0, 1, true)!;
    expect(text(two)).toBe('Ghe cập bờ.\n\n  Bà Năm bán bánh canh.');
    const three = stepSentence(sentences, two, 0, 1, true)!;
    expect(text(three)).toBe('Ghe cập bờ.\n\n  Bà Năm bán bánh canh. Khách quen gọi bà.');
    expect(text(stepSentence(sentences, three, 0, -1, true))).toBe(text(two));
    expect(text(stepSentence(sentences, sentences[1]!, 0, -1, true))).toBe('Ghe cập bờ.');
  });
});
