/**
 * The `folio` CLI on real libraries: the shared conventions (--help, --version, --json on stdout,
 * one-line errors on stderr with exit code 1, --data DIR) and each subcommand's behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { folio } from './run-cli';
import { copySampleLibrary } from '../support/sample-library';

let tmp: string;
let lib: string;
let data: string;

interface ListRow {
  id: string;
  title: string;
  langs: string[];
  path: string;
}

async function list(): Promise<ListRow[]> {
  const r = await folio(['list', lib, '--data', data, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ListRow[];
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  lib = path.join(tmp, 'library');
  data = path.join(tmp, 'data');
  await copySampleLibrary(lib);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe('conventions', () => {
  it('prints help and version', async () => {
    // Independent processes: started together (each start is most of this test's time).
    const [help, version] = await Promise.all([folio(['--help']), folio(['--version'])]);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'index', 'list', 'show', 'search', 'annotate', 'annotations', 'export', 'import']) expect(help.stdout).toContain(c);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reports errors as one line on stderr with exit code 1', async () => {
    const cases = [['nope'], ['list', path.join(tmp, 'missing')], ['list', lib, '--bogus'], ['search', lib], ['show', lib, 'no-such-id', '--data', data]];
    // Independent processes (only the last one opens the data folder): started together.
    const results = await Promise.all(cases.map((args) => folio(args)));
    for (const [i, args] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^folio: /);
    }
  });

  it('keeps state in --data and not in the library', async () => {
    await list();
    await access(path.join(data, 'library-registry.json'));
    await expect(access(path.join(lib, '.folio'))).rejects.toThrow();
  });
});

describe('library commands', () => {
  it('index prints counts as JSON', async () => {
    const r = await folio(['index', lib, '--data', data, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { articles: number; pairs: number; skipped: unknown[] };
    expect(j.articles).toBe(4);
    expect(j.pairs).toBe(2);
  });

  it('list and show agree, including the translation', async () => {
    const rows = await list();
    const pair = rows.find((r) => r.langs.length === 2);
    expect(pair).toBeDefined();
    const r = await folio(['show', lib, pair!.id, '--data', data, '--json']);
    const shown = JSON.parse(r.stdout) as { title: string; lang: string; paragraphs: string[]; translation: { lang: string; paragraphs: string[] } | null };
    expect(shown.title).toBe(pair!.title);
    expect(shown.lang).toBe('vi');
    expect(shown.translation?.lang).toBe('en');
    expect(shown.paragraphs.length).toBeGreaterThan(2);
    const byPath = await folio(['show', lib, pair!.path, '--data', data, '--json']);
    expect(JSON.parse(byPath.stdout).title).toBe(pair!.title);
    const raw = await folio(['show', lib, pair!.id, '--lang', 'vi', '--raw', '--data', data]);
    expect(raw.stdout).toContain(shown.paragraphs[0]!.slice(0, 30));
  });
});

describe('search', () => {
  it('finds an article from a query without diacritics, with ranges on the matched text', async () => {
    const r = await folio(['search', lib, 'den long', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ id: string; title: string; snippets: Array<{ text: string; ranges: Array<[number, number]> }> }>;
    expect(hits[0]?.title).toMatch(/đèn lồng/);
    const s = hits[0]!.snippets[0]!;
    const matched = s.ranges.map(([a, b]) => s.text.slice(a, b).toLowerCase());
    expect(matched).toContain('đèn');
  });
});

describe('annotations', () => {
  it('annotates a quote, lists it, and refuses an unknown or ambiguous quote', async () => {
    const rows = await list();
    const pair = rows.find((r) => r.langs.length === 2)!;
    const shown = JSON.parse((await folio(['show', lib, pair.id, '--data', data, '--json'])).stdout) as { paragraphs: string[] };
    const quote = shown.paragraphs[1]!.split(' ').slice(0, 5).join(' ');
    const made = await folio(['annotate', lib, pair.id, '--quote', quote, '--note', 'Một ghi chú', '--color', 'blue', '--tags', 'lịch sử,nghề', '--data', data, '--json']);
    expect(made.stderr).toBe('');
    const created = JSON.parse(made.stdout) as { id: string; color: string; note: string; tags: string[]; orphaned: boolean; target: { quote: { exact: string } } };
    expect(created).toMatchObject({ color: 'blue', note: 'Một ghi chú', tags: ['lịch sử', 'nghề'], orphaned: false });
    expect(created.target.quote.exact).toBe(quote);

    const listed = JSON.parse((await folio(['annotations', lib, pair.id, '--data', data, '--json'])).stdout) as Array<{ id: string; orphaned: boolean }>;
    expect(listed.map((a) => a.id)).toContain(created.id);
    expect(listed.every((a) => a.orphaned === false)).toBe(true);

    const missing = await folio(['annotate', lib, pair.id, '--quote', 'không hề có trong bài này', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/i);
  });

  it('exports Markdown and W3C, and re-imports W3C idempotently into a fresh data dir', async () => {
    const md = path.join(tmp, 'notes.md');
    expect((await folio(['export', lib, '--md', md, '--data', data])).code).toBe(0);
    const text = await readFile(md, 'utf8');
    expect(text).toContain('Một ghi chú');
    const w3c = path.join(tmp, 'notes.jsonld');
    expect((await folio(['export', lib, '--w3c', w3c, '--data', data])).code).toBe(0);
    const fresh = path.join(tmp, 'data2');
    const first = JSON.parse((await folio(['import', lib, '--w3c', w3c, '--data', fresh, '--json'])).stdout) as { added: number; orphaned: number };
    expect(first.added).toBeGreaterThan(0);
    expect(first.orphaned).toBe(0);
    const second = JSON.parse((await folio(['import', lib, '--w3c', w3c, '--data', fresh, '--json'])).stdout) as { added: number };
    expect(second.added).toBe(0);
  });

  it('exports an annotated PDF', async () => {
    const rows = await list();
    const pdf = path.join(tmp, 'out.pdf');
    const r = await folio(['export', lib, rows[0]!.id, rows[1]!.id, '--pdf', pdf, '--lang', 'both', '--paper', 'letter', '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('marks a highlight orphaned when its text is deleted from the file, without losing it', async () => {
    const rows = await list();
    const single = rows.find((r) => r.path === 'thu-vien-lang.txt')!;
    const shown = JSON.parse((await folio(['show', lib, single.id, '--data', data, '--json'])).stdout) as { paragraphs: string[] };
    const target = shown.paragraphs[shown.paragraphs.length - 1]!;
    const quote = target.split(' ').slice(2, 9).join(' ');
    const made = JSON.parse((await folio(['annotate', lib, single.id, '--quote', quote, '--note', 'sẽ mồ côi', '--data', data, '--json'])).stdout) as { id: string };
    const file = path.join(lib, 'thu-vien-lang.txt');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(target, ''), 'utf8');
    const after = JSON.parse((await folio(['annotations', lib, single.id, '--data', data, '--json'])).stdout) as Array<{ id: string; orphaned: boolean; note: string; target: { quote: { exact: string } } }>;
    const orphan = after.find((a) => a.id === made.id);
    expect(orphan).toMatchObject({ orphaned: true, note: 'sẽ mồ côi' });
    expect(orphan?.target.quote.exact).toBe(quote);
  });
});
