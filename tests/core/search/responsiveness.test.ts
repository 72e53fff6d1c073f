import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { makeArticle } from '../../fixtures/search/articles';
import { countLoopTurns } from '../../support/event-loop';

const SYLLABLES = 'của và các có là được trong cho không những với người một này đã để năm đến về từ khi ra nhiều theo làm trên tại đường phố dân chủ'.split(' ');

function library(n: number) {
  return Array.from({ length: n }, (_, i) =>
    makeArticle(`r${i}`, {
      title: `Bài ${i}`,
      paragraphs: Array.from({ length: 4 }, (_, p) => Array.from({ length: 60 }, (_, w) => SYLLABLES[(i * 7 + p * 13 + w * w) % SYLLABLES.length]).join(' ')),
    }),
  );
}

describe('event loop responsiveness', () => {
  // Counted in event-loop turns, not milliseconds (tests/support/event-loop.ts): a build that
  // blocked the thread would let the loop turn at most once or twice.
  it('building in-thread yields to the event loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const articles = library(1500);
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'r', workers: 0 });
    const build = await countLoopTurns(() => index.reconcile(articles, () => undefined));
    console.info(`search responsiveness: ${build.turns} loop turns during an in-thread build of 1,500 articles`);
    expect(build.turns).toBeGreaterThanOrEqual(4);
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-encodes a large index in slices, with the same results', async () => {
    // A big reconcile on a non-empty index goes through MiniSearch's maps and is re-encoded
    // afterwards; that re-encoding used to block the thread about a second at 10k articles.
    const dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const index = await SearchIndex.open({ dataDir: dir, fingerprint: 'r', workers: 0, compactAfter: 1e9 });
    await index.reconcile(library(3000), () => undefined);
    const ask = () => ['dân chủ', 'đường phố', 'nhieu', 'Bài 17'].map((q) => index.searchPage(q, { limit: 30, snippets: false }));
    const before = ask();
    // Slices of 0 ms: the walk yields after each step of its work, so the count of turns does
    // not depend on how fast this machine is (a synchronous re-encode turns once or twice).
    const compact = (index as unknown as { compact(sliceMs: number): Promise<void> }).compact.bind(index);
    const run = await countLoopTurns(() => compact(0));
    console.info(`search responsiveness: ${run.turns} loop turns while re-encoding 3,000 articles`);
    expect(run.turns).toBeGreaterThanOrEqual(3);
    expect(ask()).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
