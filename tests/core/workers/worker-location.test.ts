import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { poolWorker, workerLocation } from '../../../src-main/core/workers/worker-location';

const dir = mkdtempSync(join(tmpdir(), 'folio-worker-location-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workerLocation', () => {
  it('finds a built worker next to the caller or one folder up (a shared chunk), else the .ts source', () => {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'w.js'), '');
    writeFileSync(join(dir, 'chunks', 'src.ts'), '');
    const entry = pathToFileURL(join(dir, 'main.js')).href;
    const chunk = pathToFileURL(join(dir, 'chunks', 'shared.js')).href;
    expect(workerLocation('w', entry)).toEqual({ url: pathToFileURL(join(dir, 'w.js')), viaTsx: false });
    expect(workerLocation('w', chunk)).toEqual({ url: pathToFileURL(join(dir, 'w.js')), viaTsx: false });
    expect(workerLocation('src', chunk)).toEqual({ url: pathToFileURL(join(dir, 'chunks', 'src.ts')), viaTsx: true });
    expect(workerLocation('none', entry)).toBeNull();
  });

  it('gives piscina the built file itself, or the tsx bootstrap with the source entry', () => {
    writeFileSync(join(dir, 'built.js'), '');
    writeFileSync(join(dir, 'source.ts'), '');
    const caller = pathToFileURL(join(dir, 'main.js')).href;
    expect(poolWorker('built', caller)).toEqual({ filename: join(dir, 'built.js') });
    const fromSource = poolWorker('source', caller);
    expect(fromSource?.filename).toBe(fileURLToPath(new URL('../../../src-main/core/workers/tsx-entry.mjs', import.meta.url)));
    expect(fromSource?.workerData?.folioTsx.entry).toBe(pathToFileURL(join(dir, 'source.ts')).href);
    expect(fromSource?.workerData?.folioTsx.tsxApi).toMatch(/tsx/);
    expect(poolWorker('none', caller)).toBeNull();
  });
});
