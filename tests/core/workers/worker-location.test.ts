import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker, workerLocation } from '../../../src-main/core/workers/worker-location';

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

  it('startWorker rejects with a code when the entry is missing or dies before it is ready', async () => {
    await expect(startWorker('none', pathToFileURL(join(dir, 'main.js')).href)).rejects.toMatchObject({ code: 'worker-not-found' });
    writeFileSync(join(dir, 'dies.js'), 'process.exit(3);');
    await expect(startWorker('dies', pathToFileURL(join(dir, 'main.js')).href)).rejects.toMatchObject({ code: 'worker-exited' });
  });
});
