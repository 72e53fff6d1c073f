/**
 * Benchmark: what complex-script shaping costs a PDF export. Two figures, each against a
 * baseline measured in the same run:
 *  - loading HarfBuzz (harfbuzzjs and its wasm) in a fresh Node process, against a fresh process
 *    that loads nothing (Node start-up);
 *  - exporting an article in Hindi, Bengali, Thai and Arabic (shaped, drawn by glyph id) against
 *    the same number of Vietnamese and English paragraphs of similar length (fontkit path), in
 *    one warm process, medians of interleaved runs.
 *
 * Run: node --import tsx bench/pdf/shaping.ts → prints figures, writes bench-results/pdf-shaping.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { exportPdf } from '../../src-main/core/export/pdf/index';
import { loadShaper } from '../../src-main/core/export/pdf/shaper';
import { version } from '../../tests/fixtures/export-pdf/articles';

const RUNS = 7;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

// Written for this benchmark: one line per script, repeated into 40 paragraphs.
const COMPLEX = [
  'हिन्दी: विद्यार्थी पुस्तक पढ़ते हैं, क्षेत्र बड़ा है और नदी के किनारे शांत सुबह है।',
  'বাংলা: ছাত্ররা বই পড়ে, কোথায় যাবে তারা আজ সকালে নদীর ধারে?',
  'ภาษาไทย: น้ำใจดีที่นี่ และแม่น้ำสงบในตอนเช้า',
  'العربية: كَتَبَ الوَلَدُ دَرْسَهُ فِي الصَّبَاحِ عِنْدَ النَّهْرِ',
];
const PLAIN = [
  'Tiếng Việt: sáng nay trời trong và gió nhẹ, dòng sông lặng yên bên bờ tre xanh mát.',
  'English: the river is calm this morning and the boats are out before the sun is high.',
  'Tiếng Việt: người đi chợ sớm mang theo rổ rau và nụ cười quen thuộc của xóm nhỏ.',
  'English: a short walk along the dyke shows fields, water and a sky without clouds.',
];
const article = (id: string, lines: string[]) => ({ id, versions: [version('vi', id, Array.from({ length: 40 }, (_, i) => lines[i % lines.length] as string))] });
const fontsDir = path.resolve('resources/fonts');
const now = new Date('2024-05-01T12:00:00Z');
const exportOf = (a: ReturnType<typeof article>): Promise<Uint8Array> => exportPdf([{ article: a, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir, now });

const node = (code: string): number => time(() => execFileSync(process.execPath, ['--input-type=module', '-e', code], { stdio: 'ignore' }));
const loadMs: number[] = [];
const startMs: number[] = [];
for (let i = 0; i < 5; i++) {
  startMs.push(node('0'));
  loadMs.push(node("await import('harfbuzzjs')"));
}

await loadShaper();
const complex = article('complex', COMPLEX);
const plain = article('plain', PLAIN);
await exportOf(complex);
await exportOf(plain);
const complexMs: number[] = [];
const plainMs: number[] = [];
let complexBytes = 0;
let plainBytes = 0;
for (let i = 0; i < RUNS; i++) {
  let t0 = performance.now();
  complexBytes = (await exportOf(complex)).length;
  complexMs.push(performance.now() - t0);
  t0 = performance.now();
  plainBytes = (await exportOf(plain)).length;
  plainMs.push(performance.now() - t0);
}

const result = {
  operation: 'pdf-shaping',
  node: process.version,
  loadavg: loadavg().map((l) => Math.round(l * 10) / 10),
  harfbuzzLoad: { ms: Math.round(median(loadMs) - median(startMs)), baseline: 'fresh `node -e 0`', processMs: Math.round(median(loadMs)), baselineMs: Math.round(median(startMs)) },
  export: {
    paragraphs: 40,
    shapedMs: Math.round(median(complexMs)),
    plainMs: Math.round(median(plainMs)),
    ratio: Math.round((median(complexMs) / median(plainMs)) * 100) / 100,
    shapedKiB: Math.round(complexBytes / 1024),
    plainKiB: Math.round(plainBytes / 1024),
  },
  runs: RUNS,
  date: new Date().toISOString(),
};
console.log(
  `HarfBuzz load: +${result.harfbuzzLoad.ms} ms over a bare Node start (${result.harfbuzzLoad.processMs} vs ${result.harfbuzzLoad.baselineMs} ms). ` +
    `Export of 40 shaped paragraphs: ${result.export.shapedMs} ms vs ${result.export.plainMs} ms plain (×${result.export.ratio}; ${result.export.shapedKiB} vs ${result.export.plainKiB} KiB). Load ${result.loadavg.join(' ')}.`,
);
const outDir = path.resolve('bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'pdf-shaping.json'), `${JSON.stringify(result, null, 2)}\n`);
