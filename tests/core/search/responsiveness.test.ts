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
});
