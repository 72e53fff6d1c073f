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
    appListeners: new Map<string, (...a: unknown[]) => unknown>(),
    ipcOn: new Map<string, (...a: unknown[]) => unknown>(),
    menus: [] as unknown[],
    nextDialogFolder: null as string | null,
    webContents: null as unknown,
  };
});

vi.mock('electron', () => {
  const webContents = {
    on: (ev: string, fn: Fn) => rec.contentsHandlers.set(ev, fn),
    setWindowOpenHandler: (fn: Fn) => (rec.windowOpen = fn),
    isDestroyed: () => false,
    send: () => undefined,
  };
  rec.webContents = webContents;
  class BrowserWindow {
    static fromWebContents() { return null; }
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
      on: (ev: string, fn: Fn) => rec.appListeners.set(ev, fn),
    },
    BrowserWindow,
    session: { defaultSession: session },
    dialog: {
      showMessageBox: async (...args: unknown[]) => { rec.dialogs.push(args); return { response: 1 }; },
      showOpenDialog: async () => {
        const folder = rec.nextDialogFolder;
        rec.nextDialogFolder = null;
        return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
      },
      showErrorBox: (_t: string, m: string) => rec.errors.push(m),
    },
    shell: { openExternal: async (u: string) => { rec.opened.push(u); }, showItemInFolder: () => undefined },
    ipcMain: { handle: (ch: string, fn: Fn) => rec.ipc.set(ch, fn), on: (ch: string, fn: Fn) => rec.ipcOn.set(ch, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => rec.privileged.push(s),
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
    },
    net: { fetch: async (url: string) => { rec.fetched.push(url); return new Response('file body', { status: 200, headers: { 'Content-Type': 'text/html' } }); } },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => rec.menus.push(m) },
  };
  return { ...electron, default: electron };
});

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

beforeAll(async () => {
  rec.userData = mkdtempSync(path.join(os.tmpdir(), 'folio-shell-'));
  await import('../../src-main/main');
  // main.ts wires everything in app.whenReady().then(...): wait for the window.
  await vi.waitFor(() => expect(rec.windows.length).toBe(1), { timeout: 30_000 });
  // What Electron does for every new web contents (the window's among them).
  rec.appListeners.get('web-contents-created')?.({}, rec.webContents);
});
afterAll(() => rmSync(rec.userData, { recursive: true, force: true }));

describe('main.ts wires the checklist', () => {
  it('creates the window with the secure webPreferences and loads the app scheme', async () => {
    const { secureWebPreferences } = await import('../../src-main/shell/web-preferences');
    const prefs = rec.windows[0]?.options.webPreferences as Record<string, unknown>;
    // Unpackaged (the fake's app.isPackaged is false): DevTools allowed, everything else locked.
    expect(prefs).toEqual(secureWebPreferences(prefs.preload as string, { devTools: true }));
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
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

describe('round two: every web contents, exact origins, dev gated, granted folders only', () => {
  type Contents = { handlers: Map<string, Fn>; windowOpen: Fn | null };
  function fakeContents(): Contents & Record<string, unknown> {
    const c: Contents & Record<string, unknown> = {
      handlers: new Map(),
      windowOpen: null,
      on: (ev: string, fn: Fn) => c.handlers.set(ev, fn),
      setWindowOpenHandler: (fn: Fn) => (c.windowOpen = fn),
    };
    return c;
  }
  const electronApp = async () => (await import('electron')).app as unknown as { isPackaged: boolean };
  const trustedSender = { senderFrame: { url: 'folio-app://renderer/index.html', parent: null } };
  // The handler ran (in this source tree the sample library path does not exist, so getAppInfo
  // itself may fail with not-found): anything but the sender refusal.
  const passedSenderCheck = (r: unknown) => JSON.stringify(r) !== JSON.stringify({ ok: false, error: { code: 'invalid-request', message: 'Untrusted sender' } });

  it('hardens a web contents created after the window, subframe navigation included', () => {
    const created = rec.appListeners.get('web-contents-created');
    expect(created).toBeTypeOf('function');
    const later = fakeContents();
    created?.({}, later);
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      later.handlers.get(ev)?.(event, 'https://evil.example/');
      expect(event.preventDefault, ev).toHaveBeenCalled();
    }
    expect(later.windowOpen?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const frameNav = { preventDefault: vi.fn(), url: 'folio-app://renderer/index.html', isMainFrame: false };
    rec.contentsHandlers.get('will-frame-navigate')?.(frameNav);
    expect(frameNav.preventDefault).toHaveBeenCalled();
  });

  it('checks IPC senders by exact origin, not by prefix', async () => {
    const { ipcChannel } = await import('../../src-main/shared/api');
    const invoke = rec.ipc.get(ipcChannel('getAppInfo'));
    for (const url of ['folio-app://renderer.evil/index.html', 'folio-app://renderer@evil/x', 'folio-app://user@renderer/x', 'folio-app://renderer:8080/index.html', 'folio-app://rendererx/', 'folio-app:renderer', 'not a url']) {
      expect(await invoke?.({ senderFrame: { url, parent: null } }, {}), url).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'Untrusted sender' } });
    }
    expect(passedSenderCheck(await invoke?.(trustedSender, {}))).toBe(true);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app: no unsafe-inline, no trusted dev origin', async () => {
    const { ipcChannel } = await import('../../src-main/shared/api');
    const { hardenSession } = await import('../../src-main/shell/security');
    const { devRendererUrl } = await import('../../src-main/shell/dev-mode');
    const app = await electronApp();
    const saved = process.env.ELECTRON_RENDERER_URL;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const policyAndGate = () => {
      const ses = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() } };
      hardenSession(ses as never);
      const headers = vi.fn();
      (ses.webRequest.onHeadersReceived.mock.calls[0]?.[0] as Fn)({ responseHeaders: {} }, headers);
      const gate = vi.fn();
      (ses.webRequest.onBeforeRequest.mock.calls[0]?.[0] as Fn)({ url: 'http://localhost:5173/src/main.tsx' }, gate);
      return { csp: String((headers.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']), cancelled: (gate.mock.calls[0]?.[0] as { cancel: boolean }).cancel };
    };
    const devSender = { senderFrame: { url: 'http://localhost:5173/', parent: null } };
    try {
      app.isPackaged = false;
      expect(devRendererUrl()?.origin).toBe('http://localhost:5173');
      expect(policyAndGate()).toEqual({ csp: expect.stringContaining("'unsafe-inline'") as unknown, cancelled: false });
      expect(passedSenderCheck(await rec.ipc.get(ipcChannel('getAppInfo'))?.(devSender, {}))).toBe(true);
      app.isPackaged = true;
      expect(devRendererUrl()).toBeNull();
      const packaged = policyAndGate();
      expect(packaged.csp).not.toContain('unsafe-inline');
      expect(packaged.cancelled).toBe(true);
      expect(await rec.ipc.get(ipcChannel('getAppInfo'))?.(devSender, {})).toMatchObject({ ok: false, error: { message: 'Untrusted sender' } });
      // A non-loopback dev URL is never trusted, even unpackaged.
      app.isPackaged = false;
      expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://evil.example:5173' })).toBeNull();
    } finally {
      app.isPackaged = false;
      if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
      else process.env.ELECTRON_RENDERER_URL = saved;
    }
  });

  it('opens by path only folders the user chose in the dialog or dropped', async () => {
    const { ipcChannel } = await import('../../src-main/shared/api');
    const { IPC_DROPPED_PATH_CHANNEL } = await import('../../src-main/shared/bridge');
    const openPath = rec.ipc.get(ipcChannel('openLibraryPath'));
    const openDialog = rec.ipc.get(ipcChannel('openLibraryDialog'));
    const dropped = mkdtempSync(path.join(os.tmpdir(), 'folio-dropped-'));
    const chosen = mkdtempSync(path.join(os.tmpdir(), 'folio-chosen-'));
    const never = mkdtempSync(path.join(os.tmpdir(), 'folio-never-'));
    try {
      const refused = { ok: false, error: { code: 'invalid-request' } };
      for (const p of [never, dropped, chosen, '/etc', path.join(os.homedir(), '.ssh')]) expect(await openPath?.(trustedSender, { path: p }), p).toMatchObject(refused);
      // A grant from a foreign frame or a subframe is ignored.
      const grant = rec.ipcOn.get(IPC_DROPPED_PATH_CHANNEL);
      grant?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, never);
      grant?.({ senderFrame: { url: 'folio-app://renderer/index.html', parent: {} } }, never);
      expect(await openPath?.(trustedSender, { path: never })).toMatchObject(refused);
      // A real drop (reported by the preload) and a dialog choice are allowed.
      grant?.(trustedSender, dropped);
      expect(await openPath?.(trustedSender, { path: dropped })).toMatchObject({ ok: true, value: { libraryRoot: dropped } });
      rec.nextDialogFolder = chosen;
      expect(await openDialog?.(trustedSender, {})).toMatchObject({ ok: true, value: { libraryRoot: chosen } });
      expect(await openPath?.(trustedSender, { path: dropped })).toMatchObject({ ok: true, value: { libraryRoot: dropped } });
      expect(await openPath?.(trustedSender, { path: `${chosen}${path.sep}.` })).toMatchObject({ ok: true });
      expect(await openPath?.(trustedSender, { path: never })).toMatchObject(refused);
    } finally {
      for (const d of [dropped, chosen, never]) rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);

  it('offers Toggle DevTools only in development', async () => {
    const { installMenu } = await import('../../src-main/shell/menu');
    const app = await electronApp();
    const roles = (menu: unknown): string[] => JSON.stringify(menu).match(/"role":"(\w+)"/g) ?? [];
    expect(roles(rec.menus[0])).toContain('"role":"toggleDevTools"');
    try {
      app.isPackaged = true;
      installMenu({ openLibrary: () => undefined, openSampleLibrary: () => undefined }, 'en');
      const packaged = roles(rec.menus.at(-1));
      expect(packaged).not.toContain('"role":"toggleDevTools"');
      expect(packaged).toContain('"role":"reload"');
    } finally {
      app.isPackaged = false;
    }
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
