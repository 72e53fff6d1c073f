import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { INDEX_BIN, INDEX_JSON } from '../../../src-main/core/search/persist';
import { fixtureLibrary, makeArticle } from '../../fixtures/search/articles';

const noExtras = () => undefined;
const QUERIES = ['đường', 'duong', '"dân chủ cơ sở"', 'hoa binh', 'chu', '08-BC/TU'];

async function built(dataDir: string): Promise<SearchIndex> {
  const index = await SearchIndex.open({ dataDir, fingerprint: 'lib-1', workers: 0 });
  await index.reconcile(fixtureLibrary(), noExtras);
  await index.save();
  return index;
}

describe('SearchIndex persistence', () => {
  it('survives a restart: loads the saved index and reconciles nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const first = await built(dir);
    const before = QUERIES.map((q) => first.search(q));
    const again = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    expect(again.origin).toBe('cache');
    expect(again.size).toBe(first.size);
    expect(await again.reconcile(fixtureLibrary(), noExtras)).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(QUERIES.map((q) => again.search(q))).toEqual(before);
    await again.settle(); // postings decoded lazily until now
    expect(QUERIES.map((q) => again.search(q))).toEqual(before);
  });

  it('keeps every document field the filters and hits read (stored by column) across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const articles = [
      makeArticle('tagged', { title: 'Dân vận khéo', paragraphs: ['dân vận ở cơ sở'], tags: ['dân vận', 'cơ sở'], date: '2024-03-05' }),
      makeArticle('noted', { title: 'Công tác dân vận', paragraphs: ['dân vận chính quyền'] }, { lang: 'en', title: 'Mass mobilisation', paragraphs: ['dân vận abroad'] }),
      makeArticle('plain', { title: 'Nông thôn mới', paragraphs: ['dân vận và nông thôn'], date: null }),
    ];
    const extras = (id: string) => (id === 'noted' ? { annotations: 'ghi chú', hasAnnotations: true } : undefined);
    const first = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    await first.reconcile(articles, extras);
    await first.save();
    const again = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    expect(again.origin).toBe('cache');
    const ask = (index: SearchIndex) =>
      [{}, { tag: 'cơ sở' }, { hasAnnotations: true }, { hasAnnotations: false }, { lang: 'en' as const }, { from: '2024-01-01' }].map((filters) =>
        index.search('dân vận', { limit: 10, filters }).map((h) => [h.id, h.lang, h.title, h.date, h.score]),
      );
    expect(ask(again)).toEqual(ask(first));
    expect(ask(again)[1]).toHaveLength(1);
    expect(ask(again)[2]).toHaveLength(1);
    expect(await again.reconcile(articles, extras)).toEqual({ added: 0, updated: 0, removed: 0 });
  });

  it('does not rewrite the saved index when nothing changed, and does after a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    await built(dir);
    const stamp = () => [INDEX_JSON, INDEX_BIN].map((f) => { const st = statSync(join(dir, f)); return [st.mtimeMs, st.size, st.ino]; });
    const before = stamp();
    await new Promise((r) => setTimeout(r, 20));
    const again = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    await again.reconcile(fixtureLibrary(), noExtras);
    again.search('duong');
    await again.save();
    expect(stamp()).toEqual(before);
    again.upsert(makeArticle('new-one', { title: 'Mới', paragraphs: ['Một bài mới.'] }));
    await again.save();
    expect(stamp()).not.toEqual(before);
  });

  it('reconciles changes made while closed: added, updated, removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    await built(dir);
    const lib = fixtureLibrary().filter((a) => a.id !== 'chu-viet');
    const changed = makeArticle('duong-pho', { title: 'Con phố', paragraphs: ['Phố cổ có nhiều mái ngói rêu phong.'] });
    const next = [...lib.filter((a) => a.id !== 'duong-pho'), changed, makeArticle('moi', { title: 'Bài mới', paragraphs: ['Cây bàng lá đỏ.'] })];
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    expect(await index.reconcile(next, noExtras)).toEqual({ added: 1, updated: 1, removed: 1 });
    expect(index.search('Chu Văn An', { prefix: false }).map((h) => h.id)).not.toContain('chu-viet');
    expect(index.search('đường', { prefix: false }).map((h) => h.id)).not.toContain('duong-pho');
    expect(index.search('rêu phong')[0]?.id).toBe('duong-pho');
    expect(index.search('bàng').map((h) => h.id)).toEqual(['moi']);
  });

  it('re-indexes when only the annotations change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    await built(dir);
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    const extras = (id: string) => (id === 'color' ? { annotations: 'màu chàm', hasAnnotations: true } : undefined);
    expect(await index.reconcile(fixtureLibrary(), extras)).toEqual({ added: 0, updated: 1, removed: 0 });
    expect(index.search('chàm').map((h) => h.id)).toEqual(['color']);
  });

  it('removes a deleted article from results, and upserts without a rebuild', async () => {
    const index = await built(mkdtempSync(join(tmpdir(), 'folio-search-')));
    expect(index.search('chung cư').map((h) => h.id)).toContain('chung-cu');
    index.remove('chung-cu');
    expect(index.search('chung cư').map((h) => h.id)).not.toContain('chung-cu');
    index.upsert(makeArticle('chung-cu', { title: 'Nhà tập thể', paragraphs: ['Khu tập thể xưa.'] }));
    expect(index.search('tập thể')[0]?.id).toBe('chung-cu');
    expect(index.search('chung cư', { prefix: false }).map((h) => h.id)).not.toContain('chung-cu');
  });

  it('rebuilds, never trusts, a corrupted binary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    await built(dir);
    const bin = readFileSync(join(dir, INDEX_BIN));
    bin.writeUInt8(bin.readUInt8(bin.length - 3) ^ 0xff, bin.length - 3); // flip bits inside the postings
    writeFileSync(join(dir, INDEX_BIN), bin);
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    expect(index.origin).toBe('rebuilt-invalid-cache');
    expect(index.size).toBe(0);
    expect(await index.reconcile(fixtureLibrary(), noExtras)).toMatchObject({ added: 14 });
    expect(index.search('đường')[0]?.id).toBe('duong-pho');
  });

  it('rebuilds on a truncated manifest, a foreign library or a mismatched pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    await built(dir);
    const manifest = readFileSync(join(dir, INDEX_JSON), 'utf8');
    expect((await SearchIndex.open({ dataDir: dir, fingerprint: 'other', workers: 0 })).origin).toBe('rebuilt-invalid-cache');
    writeFileSync(join(dir, INDEX_JSON), manifest.slice(0, manifest.length / 2));
    expect((await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 })).origin).toBe('rebuilt-invalid-cache');
    writeFileSync(join(dir, INDEX_JSON), manifest.replace(/"generation":"[^"]+"/, '"generation":"00000000-0000-0000-0000-000000000000"'));
    expect((await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 })).origin).toBe('rebuilt-invalid-cache');
  });
});

describe('building with worker threads', () => {
  it('gives the same results as in-thread analysis', async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeArticle(`a${i}`, { title: `Bài số ${i}`, paragraphs: [`Đoạn văn ${i % 7 === 0 ? 'đường phố' : 'dương liễu'} thứ ${i}.`] }),
    );
    const inThread = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-search-')), fingerprint: 'w', workers: 0 });
    await inThread.reconcile(many, noExtras);
    const viaWorker = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-search-')), fingerprint: 'w', workers: 1 });
    const progress: number[] = [];
    await viaWorker.reconcile(many, noExtras, (done) => progress.push(done));
    expect(viaWorker.size).toBe(300);
    expect(viaWorker.lastBuildMode).toBe('workers');
    expect(inThread.lastBuildMode).toBe('in-thread');
    expect(progress[progress.length - 1]).toBe(300);
    for (const q of ['đường phố', 'duong', 'bài số 14']) {
      expect(viaWorker.search(q, { limit: 50 }).map((h) => h.id)).toEqual(inThread.search(q, { limit: 50 }).map((h) => h.id));
    }
  });
});

describe('SearchIndex files', () => {
  it('creates a missing data folder on save and removes temp files left by a crash', async () => {
    const { existsSync, readdirSync, writeFileSync: write } = await import('node:fs');
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-search-')), 'not', 'yet');
    await built(dir);
    expect(existsSync(join(dir, INDEX_JSON))).toBe(true);
    write(join(dir, `${INDEX_BIN}.123abc`), 'partial');
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'lib-1', workers: 0 });
    expect(index.origin).toBe('cache');
    expect(readdirSync(dir).sort()).toEqual([INDEX_BIN, INDEX_JSON]);
  });
});
