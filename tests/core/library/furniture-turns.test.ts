/**
 * A change in a folder of many .txt files recomputes the folder's furniture from every file's
 * text: that reading is done in slices with the event loop turning between them, so requests are
 * answered meanwhile (issue 18, "events at scale"); the result is what one pass gives.
 */
import fs, { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/library';

const dirs: string[] = [];
const realOpenSync = fs.openSync;
afterEach(() => {
  fs.openSync = realOpenSync;
  syncBuiltinESMExports();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const FILES = 150;
const slogan = 'Báo Đồng Bằng - tin nông nghiệp mỗi ngày';
const crops = ['lúa', 'ngô', 'khoai', 'sắn', 'đậu', 'mía', 'cà phê', 'hồ tiêu', 'điều', 'chè'];

function page(i: number, extra = ''): string {
  const crop = crops[i % crops.length] as string;
  return `Vụ ${crop} số ${i} ở xã bên sông\n\n${slogan}\n\nNông dân trồng ${crop} ở thửa ruộng thứ ${i} cho biết năm nay thời tiết thuận lợi, sâu bệnh ít hơn mọi năm.${extra}\n\nHợp tác xã hỗ trợ giống mới và hướng dẫn kỹ thuật cho ${i + 3} hộ gia đình trong thôn.\n\n${slogan}\n`;
}

describe('furniture of a large folder', () => {
  it('is read in slices with event-loop turns between, and equals a fresh open', async () => {
    const base = mkdtempSync(join(tmpdir(), 'folio-furniture-turns-'));
    dirs.push(base);
    const root = join(base, 'lib');
    mkdirSync(join(root, 'tin'), { recursive: true });
    for (let i = 0; i < FILES; i++) writeFileSync(join(root, 'tin', `bai-${i}.txt`), page(i));
    const data = join(base, 'data');
    await (await Library.open({ root, dataDir: data, workers: 0 })).close();
    // One file of the folder changes: the folder's furniture is computed again from every file.
    const changed = join(root, 'tin', 'bai-7.txt');
    writeFileSync(changed, page(7, ' Giá bán cao hơn năm ngoái.'));
    const later = new Date(Date.now() + 5000);
    utimesSync(changed, later, later);

    // Event-loop turns counted by a ticker; each read of a cached article's text notes the turn.
    let turns = 0;
    let ticking = true;
    const tick = (): void => { turns++; if (ticking) setImmediate(tick); };
    const readAt: number[] = [];
    fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
      if (String(path).endsWith('.jsonl')) readAt.push(turns);
      return (realOpenSync as (...a: unknown[]) => number)(path, ...rest);
    }) as typeof fs.openSync;
    syncBuiltinESMExports();
    setImmediate(tick);
    const lib = await Library.open({ root, dataDir: data, workers: 0 });
    ticking = false;
    fs.openSync = realOpenSync;
    syncBuiltinESMExports();

    // Every other file's text was read (the furniture count), in more than one turn.
    expect(readAt.length).toBeGreaterThanOrEqual(FILES - 1);
    const spread = (readAt.at(-1) ?? 0) - (readAt[0] ?? 0);
    expect(spread).toBeGreaterThanOrEqual(Math.floor((FILES - 1) / 25) - 1);
    const shown = lib.get('tin/bai-7.txt')?.versions[0]?.paragraphs.map((p) => p.text) ?? [];
    expect(shown.join('\n')).toContain('Giá bán cao hơn năm ngoái.');
    expect(shown.join('\n')).not.toContain(slogan);
    // Key order and ids aside (the edited file keeps its id; a fresh registry derives a new one).
    const noIds = (articles: unknown): unknown => JSON.parse(JSON.stringify(articles, (k, v: unknown) => (k === 'id' || k === 'fileId' ? undefined : v)));
    const got = noIds(lib.articles());
    await lib.close();
    const fresh = await Library.open({ root, dataDir: join(base, 'fresh'), workers: 0 });
    expect(got).toEqual(noIds(fresh.articles()));
    await fresh.close();
  });
});
