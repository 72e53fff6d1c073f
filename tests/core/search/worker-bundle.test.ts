import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../src-main/core/search', import.meta.url));

describe('index worker when bundled', () => {
  it('is found as ./index-worker.js next to the bundle and used', async () => {
    // Mimic electron-vite: the pool is bundled into one ESM file, the worker is its own entry.
    const out = mkdtempSync(join(tmpdir(), 'folio-bundle-'));
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    await build({
      entryPoints: { main: join(root, 'worker-pool.ts'), 'index-worker': join(root, 'index-worker.ts') },
      outdir: out,
      bundle: true,
      format: 'esm',
      platform: 'node',
      external: ['minisearch', 'write-file-atomic', 'zod', 'piscina'],
      logLevel: 'silent',
    });
    const pool = (await import(pathToFileURL(join(out, 'main.js')).href)) as typeof import('../../../src-main/core/search/worker-pool');
    const where = pool.indexWorkerLocation();
    expect(where?.viaTsx).toBe(false);
    expect(where?.url.href).toBe(pathToFileURL(join(out, 'index-worker.js')).href);
    const inputs = Array.from({ length: 70 }, (_, i) => ({ id: `d${i}`, title: 'Đường', body: `phố số ${i}`, author: '', source: '', annotations: '' }));
    const seen: string[] = [];
    const mode = await pool.analyzeInBatches(inputs, 1, (docs) => seen.push(...docs.map((d) => d.id)));
    expect(mode).toBe('workers');
    expect(seen.sort()).toEqual(inputs.map((d) => d.id).sort());
  });
});
