/** A search on screen while files change: the re-run keeps the results "more results" loaded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { browserSkipReason, openApp, useLibrary } from './harness';

const skip = browserSkipReason();
const note = (i: number) => `---\ntitle: Ghi chép bến sông ${i}\nlang: vi\n---\nBuổi sáng thứ ${i}, đò ngang chở khách qua bến sông quê.\n`;

describe.skipIf(!!skip)('search while files change', () => {
  const lib = useLibrary({ beforeAll, afterAll }, async (dir) => {
    for (let i = 0; i < 60; i++) await writeFile(path.join(dir, `ben-${i}.md`), note(i));
  });

  it('keeps the paged-in results when a new file re-runs the search', async () => {
    const { page } = await openApp(lib.browser, lib.served, { locale: 'en-US' });
    await page.locator('#folio-search').fill('bến sông');
    await page.locator('.result-count', { hasText: 'Showing 50 of 60 results' }).waitFor();
    await page.locator('.more-results').click();
    await page.locator('.result-count', { hasText: /^60 results$/ }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(60);

    await writeFile(path.join(lib.served.library, 'ben-60.md'), note(60));
    // The watcher's event re-runs the search: the new total shows, and the 60 loaded stay listed
    // (not the first page of 50 again).
    await page.locator('.result-count', { hasText: /of 61 results$/ }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.search-hit').count()).toBe(60);
    await page.context().close();
  });
});
