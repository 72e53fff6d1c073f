import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../src-main/shell/web-preferences';
import { isSafeExternalUrl } from '../../src-main/shell/external-url';

describe('main window webPreferences (Electron security checklist)', () => {
  const prefs = secureWebPreferences('/app/preload/index.cjs');
  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs.preload).toMatch(/\.cjs$/);
  });
});

describe('external links', () => {
  it('allows only http(s) URLs with a host and no credentials', () => {
    expect(isSafeExternalUrl('https://danvan.vn/bai-viet')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    for (const u of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'folio-app://renderer/x', 'https://user:pw@host', 'smb://share', 'not a url']) {
      expect(isSafeExternalUrl(u), u).toBe(false);
    }
  });
});
