/**
 * Escape sequences in titles, authors, file names and notes never reach the terminal: a fixture
 * article whose front matter and file name carry OSC 0 (window title), OSC 52 (clipboard), CSI
 * colours, a C1 CSI and a CR goes through `list`, `show`, `search`, `annotate`, `annotations` and
 * `index`; plain output shows visible stand-ins, JSON output escapes and keeps the real value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { folio } from './run-cli';
import { terminalSafe, terminalSafeJson } from '../../src-main/cli/terminal-text';

const ESC = '\u001b';
const TITLE = `Phiên chợ quê ${ESC}]0;pwned\u0007${ESC}]52;c;ZWNobyBwd25lZA==\u0007${ESC}[31mđỏ${ESC}[0m\u009b2J`;
const AUTHOR = `Nguyễn Văn A\r${ESC}[2K giả mạo`;
const FILE = `cho-que-${ESC}[1m.md`;
const NOTE = `ghi chú ${ESC}]52;c;bm90ZQ==\u0007 hết`;

/** Any control character a terminal acts on (C0 but TAB and LF, DEL, C1). */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let tmp: string;
let lib: string;
let data: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-term-'));
  lib = path.join(tmp, 'library');
  data = path.join(tmp, 'data');
  await mkdir(lib);
  const yamlQuoted = (s: string) => JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars
  await writeFile(
    path.join(lib, FILE),
    `---\ntitle: ${yamlQuoted(TITLE)}\nauthor: ${yamlQuoted(AUTHOR)}\nlang: vi\n---\n\nSáng sớm, bà con mang rau và cá ra phiên chợ quê bên bờ sông.\n\nĐến trưa chợ tan, ai về nhà nấy.\n`,
  );
  await symlink(path.join(tmp, 'missing.md'), path.join(lib, `hong-${ESC}]52;c;eA==\u0007.md`));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

function expectInert(out: string, what: string): void {
  expect(TERMINAL_CONTROL.test(out), `${what}: ${JSON.stringify(out.slice(0, 300))}`).toBe(false);
}

describe('plain output', () => {
  it('list, show, search, annotate, annotations and index print no control characters', async () => {
    const id = (JSON.parse((await folio(['list', lib, '--data', data, '--json'])).stdout) as { id: string }[])[0]!.id;
    const runs: Array<[string, string[]]> = [
      ['list', ['list', lib, '--data', data]],
      ['show', ['show', lib, id, '--data', data]],
      ['show --raw', ['show', lib, id, '--raw', '--data', data]],
      ['search', ['search', lib, 'phiên chợ', '--data', data]],
      ['annotate', ['annotate', lib, id, '--quote', 'phiên chợ quê bên bờ sông', '--note', NOTE, '--data', data]],
      ['annotations', ['annotations', lib, '--data', data]],
      ['index', ['index', lib, '--data', data]],
      ['error', ['show', lib, `khong-co-${ESC}]52;c;eA==\u0007`, '--data', data]],
    ];
    const out = new Map<string, string>();
    for (const [what, args] of runs) {
      const r = await folio(args);
      expect(r.code, `${what}: ${r.stderr}`).toBe(what === 'error' ? 1 : 0);
      expectInert(r.stdout, what);
      expectInert(r.stderr, `${what} (stderr)`);
      out.set(what, r.stdout);
    }
    // The user still sees that something was there, and the readable text around it (the same
    // outputs: `annotations` ran after `annotate`, so it lists the note).
    expect(out.get('list')).toContain('Phiên chợ quê ␛]0;pwned␇');
    expect(out.get('show')).toContain('Nguyễn Văn A␍␛[2K giả mạo');
    expect(out.get('show')).toContain('cho-que-␛[1m.md');
    expect(out.get('index')).toContain('hong-␛]52;c;eA==␇.md');
    expect(out.get('annotations')).toContain('ghi chú ␛]52;c;bm90ZQ==␇ hết');
  }, 240_000);
});

describe('JSON output', () => {
  it('escapes every control character, C1 included, and keeps the real value', async () => {
    const r = await folio(['list', lib, '--data', data, '--json']);
    expectInert(r.stdout, 'list --json');
    const rows = JSON.parse(r.stdout) as { title: string; author?: string; path: string }[];
    expect(rows[0]!.title).toBe(TITLE);
    expect(rows[0]!.path).toBe(FILE);
    const search = await folio(['search', lib, 'phiên chợ', '--data', data, '--json']);
    expectInert(search.stdout, 'search --json');
    expect((JSON.parse(search.stdout) as { title: string }[])[0]!.title).toBe(TITLE);
  }, 60_000);
});

describe('terminalSafe', () => {
  it('keeps newlines, tabs and Vietnamese; replaces C0, DEL and C1', () => {
    expect(terminalSafe('a\tb\nđường')).toBe('a\tb\nđường');
    expect(terminalSafe(`${ESC}[31m\r\u0000\u007f\u0085\u009b`)).toBe('␛[31m␍␀␡\ufffd\ufffd');
    expect(terminalSafeJson(JSON.stringify('x\u009by\u007f'))).toBe('"x\\u009by\\u007f"');
    expect(JSON.parse(terminalSafeJson(JSON.stringify('x\u009by\u007f')))).toBe('x\u009by\u007f');
  });
});
