/**
 * The desktop app's library switching (plain Node, no Electron): first start opens the sample
 * library with its state in userData, requests made while it opens wait for it, the last library
 * is remembered, a vanished one falls back to the sample, and a switch is announced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryController } from '../../src-main/api/library-controller';
import type { FolioEvent } from '../../src-main/shared/api';
import { copySampleLibrary } from '../support/sample-library';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'folio-ctl-'));
  dirs.push(d);
  return d;
}
/** This test's copy of the bundled sample library, standing in for the installed app's folder. */
let SAMPLE: string;
beforeEach(async () => {
  SAMPLE = await copySampleLibrary(path.join(await tmp(), 'sample-library'));
});
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('LibraryController', () => {
  it('opens the sample library on first start, keeping its state out of the bundled folder', async () => {
    const userData = await tmp();
    const events: FolioEvent[] = [];
    const ctl = new LibraryController(userData, SAMPLE, (e) => events.push(e));
    const opening = ctl.openInitial();
    const pending = ctl.current();
    expect(pending).toBeInstanceOf(Promise);
    const session = await opening;
    expect(await pending).toBe(session);
    expect(session.library.articles().length).toBe(4);
    expect(session.dataDir).toBe(path.join(userData, 'sample-library-data'));
    expect(existsSync(path.join(SAMPLE, '.folio'))).toBe(false);
    expect(events.some((e) => e.name === 'libraryOpened')).toBe(false);
    await ctl.close();
  });

  it('remembers the last library, announces a switch, and falls back when it is gone', async () => {
    const userData = await tmp();
    const other = path.join(await tmp(), 'lib');
    await cp(SAMPLE, other, { recursive: true });
    const events: FolioEvent[] = [];
    const first = new LibraryController(userData, SAMPLE, (e) => events.push(e));
    await first.openInitial();
    await first.open(other);
    expect(events.filter((e) => e.name === 'libraryOpened')).toHaveLength(1);
    await first.close();

    const second = new LibraryController(userData, SAMPLE, () => undefined);
    expect((await second.openInitial()).libraryRoot).toBe(other);
    await second.close();

    await rm(other, { recursive: true, force: true });
    const third = new LibraryController(userData, SAMPLE, () => undefined);
    expect((await third.openInitial()).libraryRoot).toBe(path.resolve(SAMPLE));
    await third.close();
  });
});
