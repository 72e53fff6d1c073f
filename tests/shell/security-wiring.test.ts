/**
 * The Electron security checklist as wired, not just as written: a fake `electron` module records
 * every handler the shell registers (main.ts end to end, and security.ts, ipc.ts, app-protocol.ts
 * directly), and the tests invoke them — permissions get `false`, new windows `{action:'deny'}`,
 * navigation, redirects and <webview> are prevented, every response gets the CSP, remote requests
 * are cancelled, IPC from a foreign frame is refused. Plus a source scan for remote-module use
 * and insecure webPreferences anywhere.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Fn = (...args: unknown[]) => unknown;

/** Everything the fake electron saw. */
const rec = vi.hoisted(() => {
  const contentsHandlers = new Map<string, (...a: unknown[]) => unknown>();
  return {
    userData: '',
    permissionRequest: null as null | ((...a: unknown[]) => unknown),
    permissionCheck: null as null | ((...a: unknown[]) => unknown),
    headersReceived: null as null | ((...a: unknown[]) => unknown),
    beforeRequest: null as null | ((...a: unknown[]) => unknown),
    windowOpen: null as null | ((...a: unknown[]) => unknown),
    contentsHandlers,
    windows: [] as { options: Record<string, unknown> }[],
    loaded: [] as string[],
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    dialogs: [] as unknown[],
    opened: [] as string[],
    errors: [] as string[],
    fetched: [] as string[],
  };
});

vi.mock('electron', () => {
  const webContents = {
    on: (ev: string, fn: Fn) => rec.contentsHandlers.set(ev, fn),
    setWindowOpenHandler: (fn: Fn) => (rec.windowOpen = fn),
    isDestroyed: () => false,
    send: () => undefined,
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: Record<string, unknown>) {
      rec.windows.push({ options });
    }
    once() { return this; }
    on() { return this; }
    show() {}
    focus() {}
    restore() {}
    isMinimized() { return false; }
    loadURL(url: string) { rec.loaded.push(url); return Promise.resolve(); }
  }
  const session = {
    setPermissionRequestHandler: (fn: Fn) => (rec.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (rec.permissionCheck = fn),
    webRequest: {
      onHeadersReceived: (fn: Fn) => (rec.headersReceived = fn),
      onBeforeRequest: (fn: Fn) => (rec.beforeRequest = fn),
    },
  };
  const electron = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      getPath: () => rec.userData,
      getVersion: () => '0.0.0-test',
      getLocale: () => 'vi',
      whenReady: () => Promise.resolve(),
      on: () => undefined,
    },
    BrowserWindow,
    session: { defaultSession: session },
    dialog: {
      showMessageBox: async (...args: unknown[]) => { rec.dialogs.push(args); return { response: 1 }; },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (_t: string, m: string) => rec.errors.push(m),
    },
    shell: { openExternal: async (u: string) => { rec.opened.push(u); }, showItemInFolder: () => undefined },
    ipcMain: { handle: (ch: string, fn: Fn) => rec.ipc.set(ch, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => rec.privileged.push(s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    net: { fetch: async (url: string) => { rec.fetched.push(url); return new Response('file body', { status: 200, headers: { 'Content-Type': 'text/html' } }); } },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
  };
  return { ...electron, default: electron };
});

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

beforeAll(async () => {
  rec.userData = mkdtempSync(path.join(os.tmpdir(), 'folio-shell-'));
  await import('../../src-main/main');
  // main.ts wires everything in app.whenReady().then(...): wait for the window.
  await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 30_000 });
});
afterAll(() => rmSync(rec.userData, { recursive: true, force: true }));

describe('main.ts wires the checklist', () => {
  it('creates the window with the secure webPreferences and loads the app scheme', async () => {
    const { secureWebPreferences } = await import('../../src-main/shell/web-preferences');
    const prefs = rec.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual(secureWebPreferences(prefs.preload as string));
    expect(rec.loaded).toEqual(['folio-app://renderer/index.html']);
    expect(rec.privileged).toHaveLength(1);
  });

  it('denies every permission request and check', () => {
    expect(rec.permissionRequest).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const cb = vi.fn();
      rec.permissionRequest?.({}, permission, cb, {});
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(rec.permissionCheck?.({}, 'media', 'folio-app://renderer', {})).toBe(false);
  });

  it('puts the CSP on every response, replacing none of the other headers', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../src-main/bridge/security');
    const cb = vi.fn();
    rec.headersReceived?.({ url: 'folio-app://renderer/index.html', responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src *"] } }, cb);
    const headers = (cb.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('cancels every request that is not the app itself', () => {
    const decide = (url: string): boolean => {
      const cb = vi.fn();
      rec.beforeRequest?.({ url }, cb);
      return (cb.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    for (const url of ['http://evil.example/x', 'https://example.org', 'file:///etc/passwd', 'ws://127.0.0.1:1/', 'ftp://x']) expect(decide(url), url).toBe(true);
    for (const url of ['folio-app://renderer/index.html', 'data:image/png;base64,AA==', 'blob:folio-app://renderer/1']) expect(decide(url), url).toBe(false);
  });

  it('prevents navigation and redirects, asking before an external http(s) link only', async () => {
    const nav = rec.contentsHandlers.get('will-navigate');
    const redirect = rec.contentsHandlers.get('will-redirect');
    expect(nav).toBeTypeOf('function');
    for (const url of ['https://example.org/page', 'javascript:alert(1)', 'file:///etc/passwd', 'folio-app://renderer/other']) {
      const event = { preventDefault: vi.fn() };
      nav?.(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    await vi.waitFor(() => expect(rec.dialogs).toHaveLength(1), { timeout: 30_000 });
    expect(JSON.stringify(rec.dialogs[0])).toContain('https://example.org/page');
    expect(rec.opened).toEqual([]); // the fake user pressed Cancel
    const event = { preventDefault: vi.fn() };
    redirect?.(event, 'http://evil.example');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and refuses <webview>', () => {
    for (const url of ['https://example.org', 'javascript:alert(1)', 'about:blank', 'folio-app://renderer/index.html']) {
      expect(rec.windowOpen?.({ url, frameName: '', features: '' })).toEqual({ action: 'deny' });
    }
    const event = { preventDefault: vi.fn() };
    rec.contentsHandlers.get('will-attach-webview')?.(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('registers exactly the contract methods on IPC and refuses foreign senders', async () => {
    const { API_METHODS, ipcChannel } = await import('../../src-main/shared/api');
    expect([...rec.ipc.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    const invoke = rec.ipc.get(ipcChannel('getAppInfo'));
    const sender = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    for (const ev of [sender('https://evil.example/'), sender('folio-app://renderer/index.html', {}), sender('file:///x.html'), { senderFrame: null }]) {
      expect(await invoke?.(ev, {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('serves the renderer scheme only inside its folder, with the security headers', async () => {
    const handler = rec.protocolHandlers.get('folio-app');
    expect(handler).toBeTypeOf('function');
    // main.ts serves `<here>/../renderer`; from the source tree that is <repo>/renderer.
    const rendererDir = path.join(REPO, 'renderer') + path.sep;
    for (const url of ['folio-app://renderer/..%2f..%2fetc/passwd', 'folio-app://renderer/%2e%2e/%2e%2e/etc/passwd', 'folio-app://evil/index.html', 'folio-app://renderer/..%5c..%5cx', 'folio-app://renderer/%00/x']) {
      rec.fetched.length = 0;
      const status = (await handler?.(new Request(url)))?.status;
      // Either refused, or (the URL parser already removed the dot segments) a file inside the folder.
      if (status !== 404) expect(rec.fetched.map((u) => fileURLToPath(u).startsWith(rendererDir)), url).toEqual([true]);
      else expect(rec.fetched, url).toEqual([]);
    }
    const ok = await handler?.(new Request('folio-app://renderer/index.html'));
    expect(ok?.status).toBe(200);
    expect(ok?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('source scan', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [p] : [];
    });
  }
  const sources = [...files(path.join(REPO, 'src-main')), ...files(path.join(REPO, 'src-renderer'))];

  it('never uses the remote module or insecure webPreferences', () => {
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const bad of [/enableRemoteModule/, /@electron\/remote/, /nodeIntegration\w*\s*:\s*true/, /contextIsolation\s*:\s*false/, /sandbox\s*:\s*false/, /webSecurity\s*:\s*false/, /allowRunningInsecureContent\s*:\s*true/, /webviewTag\s*:\s*true/, /experimentalFeatures\s*:\s*true/, /\bsendSync\b/, /dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\beval\(/, /new Function\(/]) {
        expect(text, `${path.relative(REPO, file)}: ${String(bad)}`).not.toMatch(bad);
      }
    }
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('@electron/remote');
  });

  it('builds every BrowserWindow with secureWebPreferences', () => {
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new BrowserWindow\(/g)) {
        expect(text.slice(m.index, m.index + 400), path.relative(REPO, file)).toContain('webPreferences: secureWebPreferences(');
      }
    }
  });
});
