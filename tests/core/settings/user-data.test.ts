/** The user-data folder matches Electron's `app.getPath('userData')` on each platform. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED_MARKER, defaultStateDir, isBundledLibrary, sampleDataDir, userDataDir } from '../../../src-main/core/settings/user-data';

describe('userDataDir', () => {
  it('follows XDG on Linux, with ~/.config as the default', () => {
    expect(userDataDir({ env: {}, platform: 'linux', home: '/home/lan' })).toBe('/home/lan/.config/Folio');
    expect(userDataDir({ env: { XDG_CONFIG_HOME: '/srv/cfg' }, platform: 'linux', home: '/home/lan' })).toBe('/srv/cfg/Folio');
    expect(userDataDir({ env: { XDG_CONFIG_HOME: '' }, platform: 'freebsd', home: '/home/lan' })).toBe('/home/lan/.config/Folio');
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(userDataDir({ env: {}, platform: 'darwin', home: '/Users/lan' })).toBe('/Users/lan/Library/Application Support/Folio');
    expect(userDataDir({ env: { APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\lan' })).toBe('C:\\Users\\lan\\AppData\\Roaming\\Folio');
    expect(userDataDir({ env: {}, platform: 'win32', home: 'C:\\Users\\lan' })).toBe('C:\\Users\\lan\\AppData\\Roaming\\Folio');
  });

  it('is overridden by FOLIO_USER_DATA', () => {
    expect(userDataDir({ env: { FOLIO_USER_DATA: '/tmp/folio-ud', XDG_CONFIG_HOME: '/srv/cfg' }, platform: 'linux', home: '/home/lan' })).toBe('/tmp/folio-ud');
  });
});

describe('bundled libraries', () => {
  it('send their state to userData, any other library to its default', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-bundled-'));
    try {
      expect(isBundledLibrary(dir)).toBe(false);
      expect(defaultStateDir(dir, () => '/ud')).toBeUndefined();
      await writeFile(path.join(dir, BUNDLED_MARKER), 'ships with the app');
      expect(isBundledLibrary(dir)).toBe(true);
      expect(defaultStateDir(dir, () => '/ud')).toBe(sampleDataDir('/ud'));
      expect(sampleDataDir('/ud')).toBe(path.join('/ud', 'sample-library-data'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
