/** The shared durable writer: whole files only, folders created, no temp files left behind. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurably } from '../../../src-main/core/fs/write-durably';

describe('writeFileDurably', () => {
  it('creates the folder, replaces the file whole, and leaves no temp file', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-durable-'));
    try {
      const file = path.join(tmp, 'nested/data/state.json');
      await writeFileDurably(file, JSON.stringify({ thư_viện: 'làng An Thạnh' }));
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ thư_viện: 'làng An Thạnh' });
      // Concurrent writers: the file ends as exactly one of them, never a mix.
      const bodies = Array.from({ length: 8 }, (_, i) => JSON.stringify({ n: i, text: 'x'.repeat(50_000 + i) }));
      await Promise.all(bodies.map((b) => writeFileDurably(file, b)));
      expect(bodies).toContain(await readFile(file, 'utf8'));
      await writeFileDurably(file, new Uint8Array([0x7b, 0x7d]));
      expect(await readFile(file, 'utf8')).toBe('{}');
      expect(await readdir(path.dirname(file))).toEqual(['state.json']);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
