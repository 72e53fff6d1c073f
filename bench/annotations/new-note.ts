/**
 * Benchmark: saving one note in a store of 20,000 annotations (target ≤ 50 ms), against a
 * baseline measured in the same run: the previous design, which rewrote and fsynced the whole
 * annotations.json for every write (temp file, fsync, rename, fsync dir).
 *
 * Measured: a new note (createNote), a note edit (update, what autosave sends), and, apart, the
 * compactions that fold the journal back into annotations.json (every ~quarter of the file size).
 *
 * Run: node --import tsx bench/annotations/new-note.ts [--n 20000] [--writes 200]
 *      → prints timings, writes bench-results/annotations.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AnnotationStore } from '../../src-main/core/annotations/index';
import { writeFileDurably } from '../../src-main/core/annotations/durable-json-file';
import { serializeFile } from '../../src-main/core/annotations/file-format';
import { emptyFile } from '../../src-main/core/annotations/schema';
import type { Annotation } from '../../src-main/shared/types';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = arg('--n', 20_000);
const WRITES = arg('--writes', 200);

/** N annotations like real ones: a highlight with a sentence of context, a note, tags. */
function seed(n: number): Annotation[] {
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  return Array.from({ length: n }, (_, i) => {
    const exact = `Đoạn trích số ${i} về nước lũ và ruộng lúa ở đồng bằng`;
    return {
      id: `seed-${String(i).padStart(6, '0')}`,
      articleId: `article-${i % 2000}`,
      lang: 'vi',
      kind: 'highlight',
      target: {
        quote: { type: 'TextQuoteSelector', exact, prefix: 'Người dân kể rằng mùa nước năm ấy ', suffix: ' khiến cả xóm phải dời lên gò cao.' },
        position: { type: 'TextPositionSelector', start: 100 + i, end: 100 + i + exact.length },
        paragraph: i % 40,
      },
      color: 'yellow',
      note: `Ghi chú ${i}: so sánh với báo cáo của huyện, xem lại số liệu năm trước. `.repeat(3),
      tags: ['lũ', 'nông nghiệp'],
      created: at,
      updated: at,
    };
  });
}

const stats = (xs: number[]): { p50: number; p95: number; max: number; mean: number } => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), max: s.at(-1) ?? 0, mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) };
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

const root = await mkdtemp(path.join(tmpdir(), 'folio-bench-ann-'));
try {
  const records = seed(N);
  const dir = path.join(root, 'store');
  await mkdir(dir);
  const file = { ...emptyFile(), generation: 1, annotations: records };
  await writeFile(path.join(dir, 'annotations.json'), serializeFile(file));
  const bytes = serializeFile(file).length;

  let t = performance.now();
  const { store } = await AnnotationStore.open(dir);
  const openMs = performance.now() - t;
  // The first write of a day also writes the daily snapshot (the whole file): measured apart.
  t = performance.now();
  await store.createNote({ articleId: 'article-0', lang: 'vi', note: 'đầu ngày' });
  const firstOfDayMs = performance.now() - t;
  const created: number[] = [];
  const edited: number[] = [];
  let compactions = 0;
  let lastJournal = 0;
  const journalSize = async (): Promise<number> => (await import('node:fs/promises')).stat(path.join(dir, 'annotations.journal')).then((s) => s.size, () => 0);
  for (let i = 0; i < WRITES; i++) {
    let t0 = performance.now();
    const n = await store.createNote({ articleId: `article-${i % 2000}`, lang: 'vi', note: `Ghi chú mới số ${i}` });
    created.push(performance.now() - t0);
    t0 = performance.now();
    await store.update(n.id, { note: `Ghi chú mới số ${i}, đã sửa` });
    edited.push(performance.now() - t0);
    const size = await journalSize();
    if (size < lastJournal) compactions++;
    lastJournal = size;
  }
  t = performance.now();
  await store.compact();
  const compactMs = performance.now() - t;
  await store.close();

  // Baseline: the whole file rewritten durably per write.
  const baseline: number[] = [];
  for (let i = 0; i < Math.min(WRITES, 30); i++) {
    const t0 = performance.now();
    await writeFileDurably(path.join(root, 'baseline.json'), serializeFile({ ...file, generation: i + 2 }));
    baseline.push(performance.now() - t0);
  }

  const out = {
    annotations: N,
    fileBytes: bytes,
    writes: WRITES,
    openMs,
    firstWriteOfDayMs: firstOfDayMs,
    newNote: stats(created),
    editNote: stats(edited),
    compactionsSeen: compactions,
    compactMs,
    baselineWholeFileWrite: stats(baseline),
    ratioP50: stats(created).p50 / stats(baseline).p50,
  };
  console.log(`annotation store, ${N} annotations (${(bytes / 1e6).toFixed(1)} MB), ${WRITES} new notes + ${WRITES} edits`);
  console.log(`  new note   p50 ${ms(out.newNote.p50)}  p95 ${ms(out.newNote.p95)}  max ${ms(out.newNote.max)}  (target ≤ 50 ms)`);
  console.log(`  edit note  p50 ${ms(out.editNote.p50)}  p95 ${ms(out.editNote.p95)}  max ${ms(out.editNote.max)}`);
  console.log(`  open ${ms(openMs)}; first write of the day (with its daily snapshot) ${ms(firstOfDayMs)}`);
  console.log(`  compactions during the run: ${compactions}; one compaction (whole file, once per ~quarter of its size in journal) ${ms(compactMs)}`);
  console.log(`  baseline (whole file rewritten + fsynced per write) p50 ${ms(out.baselineWholeFileWrite.p50)}  p95 ${ms(out.baselineWholeFileWrite.p95)}`);
  console.log(`  ratio new note / baseline (p50): ${out.ratioP50.toFixed(3)}`);
  await mkdir('bench-results', { recursive: true });
  await writeFile(path.join('bench-results', 'annotations.json'), JSON.stringify(out, null, 2));
} finally {
  await rm(root, { recursive: true, force: true });
}
