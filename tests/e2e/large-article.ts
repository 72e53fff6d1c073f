/** Writes a library with one very long translation pair (for first-paint measurements). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const VI = ['Người dân', 'trong làng', 'đã cùng nhau', 'dựng lại', 'cây cầu tre', 'bắc qua con kênh', 'sau mùa nước lớn', 'và mở thêm', 'một lớp học', 'buổi tối cho trẻ em'];
const EN = ['The villagers', 'worked together', 'to rebuild', 'the bamboo bridge', 'across the canal', 'after the flood season', 'and opened', 'an evening class', 'for the children', 'of the hamlet'];

/** Deterministic paragraph text of about `words` words. */
function paragraph(parts: string[], i: number, words: number): string {
  const out: string[] = [];
  let n = 0;
  let k = i;
  while (n < words) {
    const phrase = parts[k % parts.length]!;
    out.push(phrase);
    n += phrase.split(' ').length;
    k = (k * 7 + 3) % 9973;
  }
  return `${out.join(' ')}.`;
}

/** Creates `dir` holding `long.vi.md` and `long.en.md` of about `words` words each. */
export async function writeLargePair(dir: string, words = 20_000): Promise<void> {
  await mkdir(dir, { recursive: true });
  const count = Math.ceil(words / 60);
  const vi = Array.from({ length: count }, (_, i) => paragraph(VI, i, 60)).join('\n\n');
  const en = Array.from({ length: count }, (_, i) => paragraph(EN, i, 60)).join('\n\n');
  await writeFile(path.join(dir, 'long.vi.md'), `---\ntitle: Bài viết rất dài\nlang: vi\ndate: 2024-05-01\n---\n\n${vi}\n`);
  await writeFile(path.join(dir, 'long.en.md'), `---\ntitle: A very long article\nlang: en\ndate: 2024-05-01\n---\n\n${en}\n`);
}
