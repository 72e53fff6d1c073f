/**
 * Resource limits of the library reader: huge files are skipped by size before being read, a
 * million-line file by its line count before being parsed, over-long articles by paragraph
 * count, and libraries over `maxFiles` report the rest as `limit-reached` — each with a reason
 * and without the process's memory growing with the file (speed: `npm run bench`, bench/cost).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, truncate, writeFile, symlink, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../../../src-main/core/library';
import { readParsedFile, countLines } from '../../../src-main/core/library/read-file';
import { resolveInside } from '../../../src-main/core/library/safe-path';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-limits-'));
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

const MB = 1024 * 1024;

describe('file limits', () => {
  it('skips a 200 MB file as too-large without reading it (sparse file: no disk, no time)', async () => {
    const file = path.join(tmp, 'huge.txt');
    await writeFile(file, '');
    await truncate(file, 200 * MB);
    const rss0 = process.memoryUsage().rss;
    const r = await readParsedFile(file, 'huge.txt');
    expect(r).toMatchObject({ reason: 'too-large', path: 'huge.txt' });
    expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * MB);
  });

  it('skips a million-line text file by its line count, before parsing, with bounded memory', async () => {
    const file = path.join(tmp, 'million.txt');
    const line = 'A short line.\n';
    await writeFile(file, line.repeat(1_000_000));
    const rss0 = process.memoryUsage().rss;
    const r = await readParsedFile(file, 'million.txt');
    expect(r).toMatchObject({ reason: 'too-large' });
    expect((r as { message: string }).message).toMatch(/lines/);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(500 * MB);
  });

  it('parses the same shape under a raised line limit', async () => {
    const file = path.join(tmp, 'lines.md');
    await writeFile(file, 'Một đoạn văn ngắn.\n\n'.repeat(50_000));
    const r = await readParsedFile(file, 'lines.md', { maxLines: 200_000 });
    expect('version' in r && r.version.paragraphs.length).toBe(50_000);
  });

  it('skips an article with more paragraphs than maxParagraphs', async () => {
    const file = path.join(tmp, 'many.md');
    await writeFile(file, Array.from({ length: 30 }, (_, i) => `Paragraph ${i} of a long article.`).join('\n\n'));
    expect(await readParsedFile(file, 'many.md', { maxParagraphs: 10 })).toMatchObject({ reason: 'too-large' });
    expect('version' in (await readParsedFile(file, 'many.md', { maxParagraphs: 30 }))).toBe(true);
  });

  it('counts lines with an early stop', () => {
    expect(countLines('a', 10)).toBe(1);
    expect(countLines('a\nb\n', 10)).toBe(3);
    expect(countLines('\n'.repeat(1_000), 5)).toBe(6);
  });
});

describe('library limits', () => {
  it('reports files past maxFiles as limit-reached and still opens', async () => {
    const root = path.join(tmp, 'many-files');
    await mkdir(root);
    for (let i = 0; i < 1_500; i++) await writeFile(path.join(root, `a${String(i).padStart(4, '0')}.md`), `# Bài số ${i}\n\nĐoạn văn thứ ${i} kể về con đường số ${i * 7} bên sông.\n`);
    const lib = await Library.open({ root, dataDir: path.join(tmp, 'many-files-data'), maxFiles: 500 });
    const status = lib.status();
    expect(status.articleCount).toBe(500);
    expect(status.skipped.filter((s) => s.reason === 'limit-reached')).toHaveLength(1_000);
    await lib.close();
  });

  it('refuses the raw text of a file that grew past the size limit after the scan', async () => {
    const root = path.join(tmp, 'grow');
    await mkdir(root);
    await writeFile(path.join(root, 'a.md'), '# Một bài ngắn\n\nĐoạn văn đầu tiên của bài.\n');
    const lib = await Library.open({ root, dataDir: path.join(tmp, 'grow-data'), maxFileBytes: 1_000 });
    const id = lib.articles()[0]?.id ?? '';
    expect(await lib.rawText(id)).toContain('Đoạn văn đầu tiên');
    await appendFile(path.join(root, 'a.md'), 'x'.repeat(2_000));
    await expect(lib.rawText(id)).rejects.toMatchObject({ code: 'io-error' });
    await lib.close();
  });
});

describe('resolveInside', () => {
  let root: string;
  beforeAll(async () => {
    root = path.join(tmp, 'root');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'sub', 'a.txt'), 'x');
    await writeFile(path.join(tmp, 'secret.txt'), 'secret');
    await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'escape.txt'));
    await symlink(tmp, path.join(root, 'escape-dir'));
    await symlink(path.join(root, 'sub'), path.join(root, 'inner-link'));
  });

  it('resolves ordinary paths and symlinks that stay inside', () => {
    expect(resolveInside(root, 'sub/a.txt')).toBe(path.join(root, 'sub', 'a.txt'));
    expect(resolveInside(root, 'inner-link/a.txt')).toBe(path.join(root, 'inner-link', 'a.txt'));
    expect(resolveInside(root, 'sub/not-yet.txt')).toBe(path.join(root, 'sub', 'not-yet.txt'));
  });

  it.each([
    ['parent', '../secret.txt'],
    ['nested parent', 'sub/../../secret.txt'],
    ['absolute', '<tmp>/secret.txt'],
    ['root', '/etc/passwd'],
    ['drive', 'C:\\Windows\\win.ini'],
    ['drive, forward slashes', 'c:/Windows/win.ini'],
    ['backslashes', '..\\..\\x'],
    ['UNC', '\\\\server\\share\\x'],
    ['NUL byte', 'sub/a.txt\0.png'],
    ['empty', ''],
    ['file symlink out', 'escape.txt'],
    ['folder symlink out', 'escape-dir/secret.txt'],
    ['folder symlink out, missing file', 'escape-dir/nothing/here.txt'],
  ])('refuses %s', (_name, rel) => {
    expect(() => resolveInside(root, rel.replace('<tmp>', tmp))).toThrow(expect.objectContaining({ code: 'outside-library' }));
  });

  it('refuses or resolves inside a 10 000-character name, never outside', () => {
    const long = 'a'.repeat(10_000);
    const abs = resolveInside(root, long);
    expect(abs.startsWith(root + path.sep)).toBe(true);
    expect(() => resolveInside(root, `${'../'.repeat(3_000)}etc/passwd`)).toThrow(expect.objectContaining({ code: 'outside-library' }));
  });
});
