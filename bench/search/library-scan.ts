/**
 * The real library reader as the search bench's scan (`--scan-module bench/search/library-scan.ts`):
 * a cold scan (fresh data dir: every file decoded, cleaned and parsed), as a user's first start.
 * The stock side's baseline is reading every file as UTF-8 (readRawDocs).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../../src-main/core/library/index';
import type { Article } from '../../src-main/shared/types';

/** Scans `dir` with Folio's Library into articles. */
export async function scan(dir: string): Promise<Article[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-scan-'));
  try {
    const library = await Library.open({ root: dir, dataDir });
    const articles = library.articles();
    await library.close();
    return articles;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
