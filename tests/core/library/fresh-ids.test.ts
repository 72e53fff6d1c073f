/**
 * Ids do not depend on read order or timing: two cold scans of the same folder with fresh data
 * dirs give the same article ids (pairs included), so exported annotations re-import anywhere.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../../../src-main/core/library/index';
import { copySampleLibrary } from '../../support/sample-library';

async function idsOf(): Promise<string[]> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'folio-ids-'));
  try {
    const lib = await Library.open({ root: await copySampleLibrary(path.join(data, 'sample')), dataDir: path.join(data, 'state') });
    const ids = lib.articles().map((a) => `${a.id}:${a.versions.map((v) => v.fileId).join('+')}`);
    await lib.close();
    return ids;
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

describe('fresh scans', () => {
  it('give identical ids, and a pair takes its Vietnamese version’s id', async () => {
    const a = await idsOf();
    const b = await idsOf();
    expect(b).toEqual(a);
    for (const row of a) {
      const [id, files] = row.split(':') as [string, string];
      expect(files.split('+')[0]).toBe(id);
    }
  });
});
