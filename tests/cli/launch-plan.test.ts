/** `npm start`'s decision between the Electron window and the browser, and how the browser is opened. */
import { describe, expect, it } from 'vitest';
import { browserCommand, hasDisplay, planLaunch, type LaunchFacts } from '../../src-main/cli/launch-plan';

const base: LaunchFacts = { electron: () => ({ ok: true }), display: true, lastLibrary: null, sampleLibrary: '/app/resources/sample-library' };

describe('planLaunch', () => {
  it('opens the window when Electron is there and a display exists', () => {
    expect(planLaunch(base)).toEqual({ kind: 'electron' });
  });

  it('falls back to the browser on the sample when the binary is missing, saying why', () => {
    const plan = planLaunch({ ...base, electron: () => ({ ok: false, reason: 'getaddrinfo ENOTFOUND github.com' }) });
    expect(plan).toEqual({ kind: 'browser', library: base.sampleLibrary, reason: expect.stringContaining('ENOTFOUND') });
    expect(plan.kind === 'browser' && plan.reason).toMatch(/^the Electron binary is not installed/);
  });

  it('prefers the last library over the sample', () => {
    expect(planLaunch({ ...base, electron: () => ({ ok: false, reason: 'offline' }), lastLibrary: '/home/lan/bai-bao' })).toMatchObject({ kind: 'browser', library: '/home/lan/bai-bao' });
  });

  it('falls back without a display (without fetching Electron), and obeys FOLIO_START', () => {
    let asked = 0;
    const electron = () => ((asked += 1), { ok: true as const });
    expect(planLaunch({ ...base, electron, display: false })).toMatchObject({ kind: 'browser', reason: expect.stringContaining('display') });
    expect(planLaunch({ ...base, electron, forced: 'browser' })).toMatchObject({ kind: 'browser' });
    expect(asked).toBe(0);
    expect(planLaunch({ ...base, forced: 'browser' })).toMatchObject({ kind: 'browser', reason: 'FOLIO_START=browser is set' });
    expect(planLaunch({ ...base, forced: 'electron', electron: () => ({ ok: false, reason: 'offline' }), display: false })).toEqual({ kind: 'electron' });
    expect(planLaunch({ ...base, forced: 'something else' })).toEqual({ kind: 'electron' });
  });
});

describe('hasDisplay', () => {
  it('needs X11 or Wayland on Linux, nothing on macOS and Windows', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:4321/?token=abc';
  const all = () => true;
  const none = () => false;

  it('respects BROWSER, its %s placeholder and its list of candidates', () => {
    expect(browserCommand(url, { BROWSER: 'firefox' }, 'linux', all)).toEqual({ command: 'firefox', args: [url] });
    expect(browserCommand(url, { BROWSER: 'chromium --new-window %s' }, 'linux', all)).toEqual({ command: 'chromium', args: ['--new-window', url] });
    expect(browserCommand(url, { BROWSER: 'missing-browser:w3m' }, 'linux', (p) => p === 'w3m')).toEqual({ command: 'w3m', args: [url] });
    expect(browserCommand(url, { BROWSER: 'C:\\Tools\\ff.exe;edge' }, 'win32', (p) => p === 'edge')).toEqual({ command: 'edge', args: [url] });
  });

  it('uses the platform opener otherwise, and gives null when none exists', () => {
    expect(browserCommand(url, {}, 'linux', all)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, { BROWSER: '' }, 'darwin', none)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, {}, 'win32', none)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
    expect(browserCommand(url, { BROWSER: 'missing-browser' }, 'linux', none)).toBeNull();
  });
});
