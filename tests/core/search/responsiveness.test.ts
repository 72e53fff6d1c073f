import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';

const SYLLABLES = 'của và các có là được trong cho không những với người một này đã để năm đến về từ khi ra nhiều theo làm trên tại đường phố dân chủ'.split(' ');

function library(n: number) {
  return Array.from({ length: n }, (_, i) =>
    makeArticle(`r${i}`, {
      title: `Bài ${i}`,
      paragraphs: Array.from({ length: 4 }, (_, p) => Array.from({ length: 60 }, (_, w) => SYLLABLES[(i * 7 + p * 13 + w * w) % SYLLABLES.length]).join(' ')),
    }),
  );
}

/** Largest gap between ticks of a 5 ms interval while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; total: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  await work();
  const total = performance.now() - t0;
  clearInterval(timer);
  return { stall, total };
}

describe('event loop responsiveness', () => {
  it('building in-thread and loading yield to the event loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const articles = library(1500);
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'r', workers: 0 });
    const build = await longestStall(() => index.reconcile(articles, () => undefined));
    // A blocking build would stall for its whole duration.
    expect(build.stall).toBeLessThan(Math.max(150, build.total / 4));
    await index.save();
    const load = await longestStall(async () => {
      const again = await SearchIndex.open({ dataDir: dir, fingerprint: 'r', workers: 0 });
      await again.reconcile(articles, () => undefined);
      await again.settle();
    });
    expect(load.stall).toBeLessThan(Math.max(150, load.total / 4));
  });
});
