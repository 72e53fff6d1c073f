/**
 * Seeded generator of a reproducible Vietnamese-like corpus: N articles as .txt files
 * (`<id>.vi.txt`, and `<id>.en.txt` for the translated ~10%), first line the title, then
 * paragraphs separated by blank lines. Syllables follow a Zipf–Mandelbrot law (Mandelbrot 1953;
 * s = 1.05, q = 2.7) over the lexicon; ~5% of words are multi-syllable compounds.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPOUNDS, ENGLISH, mulberry32, vietnameseSyllables } from './lexicon';

/** What to generate. */
export interface CorpusSpec {
  n: number;
  seed?: number;
  /** Share of articles that also get an English version. */
  pairRatio?: number;
}

/** A sampler drawing items with Zipf–Mandelbrot weights 1/(rank+q)^s. */
export function zipfSampler<T>(items: readonly T[], rand: () => number, s = 1.05, q = 2.7): () => T {
  const cdf = new Float64Array(items.length);
  let total = 0;
  items.forEach((_, i) => {
    total += 1 / Math.pow(i + 1 + q, s);
    cdf[i] = total;
  });
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function makeText(words: number, word: () => string, rand: () => number): string[] {
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    const nSent = 2 + Math.floor(rand() * 5);
    for (let s = 0; s < nSent && left > 0; s++) {
      const len = Math.min(left, 8 + Math.floor(rand() * 18));
      const ws: string[] = [];
      for (let i = 0; i < len; i++) ws.push(word() + (i < len - 1 && rand() < 0.08 ? ',' : ''));
      left -= len;
      sentences.push(cap(ws.join(' ')) + '.');
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** Writes the corpus into `dir`; returns file count and bytes. */
export async function writeCorpus(dir: string, spec: CorpusSpec): Promise<{ files: number; bytes: number }> {
  const rand = mulberry32(spec.seed ?? 20_240_917);
  const syllable = zipfSampler(vietnameseSyllables(4000, rand), rand);
  const compound = zipfSampler(COMPOUNDS, rand);
  const english = zipfSampler(ENGLISH, rand);
  const viWord = (): string => (rand() < 0.05 ? compound() : syllable());
  await mkdir(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < spec.n; i++) {
    const id = `a${String(i).padStart(6, '0')}`;
    const words = 300 + Math.floor(rand() * 1201);
    const title = cap(Array.from({ length: 4 + Math.floor(rand() * 8) }, viWord).join(' '));
    const vi = [title, '', makeText(words, viWord, rand).join('\n\n')].join('\n');
    pending.push(writeFile(join(dir, `${id}.vi.txt`), vi));
    files++;
    bytes += Buffer.byteLength(vi);
    if (rand() < (spec.pairRatio ?? 0.1)) {
      const enTitle = cap(Array.from({ length: 4 + Math.floor(rand() * 6) }, english).join(' '));
      const en = [enTitle, '', makeText(Math.round(words * 1.2), english, rand).join('\n\n')].join('\n');
      pending.push(writeFile(join(dir, `${id}.en.txt`), en));
      files++;
      bytes += Buffer.byteLength(en);
    }
    if (pending.length >= 256) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { files, bytes };
}
