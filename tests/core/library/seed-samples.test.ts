/**
 * The seed pages in the shared samples folder (outside this repository, so only when it exists:
 * FOLIO_SAMPLES, or ../shared/samples beside the checkout) keep their title, date, author and
 * body. An extra check: the scoring runs on our own corpus (extraction-corpus.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileBytes } from '../../../src-main/core/library/read-file';

const repo = resolve(__dirname, '../../..');
const dir = [process.env.FOLIO_SAMPLES, join(repo, '../shared/samples'), join(repo, '../../shared/samples')].find((d) => d && existsSync(d));

const SEEDS = [
  { file: '000_5b6e865d2478cbf5.txt', title: /^Không bố trí cán bộ thiếu gương mẫu/, date: '2020-12-31T20:31:00', author: 'Kỳ Nam', paragraphs: 12, first: /^Sáng 31\/12, Ban Dân vận/, last: /^Bên cạnh đó, cần tích cực/ },
  { file: '003_dc9aa2cb3ccc342f.txt', title: /^Ban Dân vận Tỉnh ủy họp mặt 90 năm/, date: '2020-10-12T19:57:00', author: 'Quốc Hùng - Văn Minh', paragraphs: 12, first: /^Ngày 12-10-2020, Ban Dân vận/, last: /^Tiếp tục nâng cao chất lượng sinh hoạt/ },
  { file: '004_44757da4a92803ce.txt', title: /^Triển khai Nghị quyết số 25/, date: null, author: 'Phúc Hồng', paragraphs: 10, first: /^Triển khai Nghị quyết số 25/, last: /^5- Chăm lo xây dựng/ },
];
const FURNITURE = /^(Tiếng Việt \| English|Chia sẻ bài viết|BÌNH LUẬN|\d{2}\/\d{2}\/\d{4} - \d{2}:\d{2})$/;

describe.skipIf(!dir)(`seed samples (${dir ?? 'not found: skipped'})`, () => {
  it.each(SEEDS)('$file keeps its title, date, author and body', (seed) => {
    const path = join(dir!, seed.file);
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    const r = parseFileBytes({ bytes, size: bytes.length, mtimeMs: 0 }, seed.file);
    if (!('version' in r)) throw new Error(`skipped: ${r.message}`);
    const v = r.version;
    expect(v.title).toMatch(seed.title);
    expect(v.date).toBe(seed.date);
    expect(v.author).toBe(seed.author);
    expect(v.lang).toBe('vi');
    expect(v.paragraphs).toHaveLength(seed.paragraphs);
    expect(v.paragraphs[0]?.text).toMatch(seed.first);
    expect(v.paragraphs.at(-1)?.text).toMatch(seed.last);
    for (const p of v.paragraphs) expect(p.text).not.toMatch(FURNITURE);
  });
});
