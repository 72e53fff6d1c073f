/**
 * The packaging configuration as shipped: Electron fuses set in build/electron-builder.yml (no
 * Node mode, no NODE_OPTIONS or --inspect, encrypted cookies, asar integrity, code only from
 * app.asar, no extra file:// privileges) and a minimal macOS entitlement set (JIT only).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(path.join(REPO, 'build/electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar (the integrity fuses need one) and signs macOS with the hardened runtime', () => {
    expect(config.asar ?? true).toBe(true);
    expect((config.mac as Record<string, unknown>).hardenedRuntime).toBe(true);
    expect((config.mac as Record<string, unknown>).entitlements).toBe('build/entitlements.mac.plist');
  });
});

describe('macOS entitlements', () => {
  it('grant only the JIT exception', () => {
    const plist = readFileSync(path.join(REPO, 'build/entitlements.mac.plist'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => [m[1], m[2]]);
    expect(keys).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
  });
});
