/**
 * API fuzzing over the real web bridge: for every method in API_METHODS, seeded random and
 * malformed payloads (wrong types, huge strings, deep nesting, prototype keys, invalid JSON,
 * unicode garbage, NUL bytes, wrong content type, GET). Every answer must be a JSON Result with a
 * known error code (or ok:true for a harmless valid-by-chance read), the server must stay up,
 * nothing may pollute Object.prototype, and the annotation store (the compacted file and its
 * journal) must stay byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { API, API_METHODS, type ApiMethod } from '../../src-main/shared/api';
import { ERROR_CODES as KNOWN_CODES } from '../../src-main/shared/result';
import { MAX_BODY_BYTES } from '../../src-main/bridge/server';
import { api, request, startTestBridge, type Reply, type TestBridge } from './bridge-fixture';
import { mulberry32 as prng } from '../support/prng';

/** Every code the API may answer except 'internal' (a bug). */
const ERROR_CODES = new Set<string>(KNOWN_CODES.filter((c) => c !== 'internal'));
/** Methods that may write annotations or settings when their payload is valid. */
const MUTATING = new Set<ApiMethod>(['createHighlight', 'createNote', 'updateAnnotation', 'deleteAnnotation', 'undo', 'redo', 'updateSettings', 'rescan']);
const PER_METHOD = 40;


type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const GARBAGE = ['\u0000', '\uffff', '\ud800', '\u202e', '𝕏', 'đường', '\u0301\u0301', '../', '..\\', '%00', '<script>', '${x}', '\r\n', '\t', '"', '\\'];
function garbageString(r: Rand, max = 40): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += r() < 0.5 ? pick(r, GARBAGE) : String.fromCharCode(Math.floor(r() * 0xffff));
  return s;
}

const KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'articleId', 'query', 'path', 'lang', 'start', 'end', 'note', 'tags', 'ids', 'toString', 'valueOf', ''];
function randomValue(r: Rand, depth = 0): unknown {
  const kind = Math.floor(r() * (depth > 3 ? 7 : 9));
  switch (kind) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return pick(r, [0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    case 3: return garbageString(r);
    case 4: return 'x'.repeat(Math.floor(r() * 300_000));
    case 5: return pick(r, ['vi', 'en', 'und', 'yellow', 'a4', 'side-by-side', '/etc/passwd', '../../x', 'C:\\x']);
    case 6: return [];
    case 7: return Array.from({ length: Math.floor(r() * 5) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = 1 + Math.floor(r() * 4);
      for (let i = 0; i < n; i++) o[pick(r, KEYS)] = randomValue(r, depth + 1);
      return o;
    }
  }
}

/** A raw JSON body: a random value, invalid JSON, deep nesting, or a prototype-key object. */
function randomBody(r: Rand): string {
  const kind = Math.floor(r() * 8);
  if (kind === 0) return pick(r, ['{', '}', '{"a":', 'nul', "{'a':1}", '{"a":1,}', '\u0000', '[1,2', 'undefined', '{"__proto__":', 'NaN', '1e99999']);
  if (kind === 1) {
    const depth = 500 + Math.floor(r() * 4_000);
    return `{"id":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
  }
  if (kind === 2) return `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`;
  if (kind === 3) return JSON.stringify({ id: garbageString(r), query: garbageString(r), path: garbageString(r), articleId: garbageString(r) });
  return JSON.stringify(randomValue(r));
}

function isResult(reply: Reply): { ok: boolean; code?: string } {
  const parsed = JSON.parse(reply.body) as { ok?: unknown; error?: { code?: unknown; message?: unknown }; value?: unknown };
  if (parsed.ok === true) return { ok: true };
  expect(parsed.ok).toBe(false);
  expect(typeof parsed.error?.message).toBe('string');
  return { ok: false, code: String(parsed.error?.code) };
}

describe('API fuzzing over the web bridge', () => {
  let t: TestBridge;
  let before: Buffer;
  let settingsBefore: Buffer;
  // The annotation store is annotations.json plus its append-only journal: both must stay as they were.
  const annotationBytes = async (): Promise<Buffer> =>
    Buffer.concat(
      await Promise.all(['annotations.json', 'annotations.journal'].map((f) => readFile(path.join(t.dataDir, f)).catch(() => Buffer.from('')))),
    );

  beforeAll(async () => {
    t = await startTestBridge();
    // Real annotations to protect: one highlight and one note on the first article.
    const list = JSON.parse((await api(t, 'listArticles', '{}')).body) as { value: { id: string; langs: string[] }[] };
    const first = list.value[0];
    if (!first) throw new Error('sample library is empty');
    const lang = first.langs[0] ?? 'vi';
    expect(JSON.parse((await api(t, 'createHighlight', JSON.stringify({ articleId: first.id, lang, start: 0, end: 5, color: 'green' }))).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await api(t, 'createNote', JSON.stringify({ articleId: first.id, lang, note: 'ghi chú gốc' }))).body)).toMatchObject({ ok: true });
    await new Promise((res) => setTimeout(res, 300));
    before = await annotationBytes();
    expect(before.length).toBeGreaterThan(0);
    settingsBefore = await readFile(path.join(t.dataDir, 'settings.json')).catch(() => Buffer.from(''));
  });
  afterAll(async () => t?.close());

  it(`answers ${PER_METHOD} random payloads per method with typed Results`, async () => {
    const r = prng(20240611);
    const tally = { sent: 0, ok: 0, skippedValidMutations: 0 };
    for (const method of API_METHODS) {
      for (let i = 0; i < PER_METHOD; i++) {
        const body = randomBody(r);
        let parsed: unknown;
        try { parsed = JSON.parse(body); } catch { parsed = undefined; }
        // A random payload that happens to be valid for a writing method could legitimately write.
        if (MUTATING.has(method) && parsed !== undefined && API[method].request.safeParse(parsed ?? {}).success) {
          tally.skippedValidMutations++;
          continue;
        }
        const headers: Record<string, string> = i % 5 === 0 ? { 'Content-Type': pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) } : {};
        const reply = await api(t, method, body, headers);
        tally.sent++;
        expect([200, 400], `${method} ${body.slice(0, 80)}`).toContain(reply.status);
        expect(reply.headers['content-type']).toMatch(/^application\/json/);
        const res = isResult(reply);
        if (res.ok) {
          tally.ok++;
          expect(MUTATING.has(method), `${method} accepted ${body.slice(0, 80)}`).toBe(false);
        } else {
          expect(ERROR_CODES, `${method}: ${res.code}`).toContain(res.code);
        }
      }
    }
    expect(tally.sent).toBeGreaterThan(API_METHODS.length * PER_METHOD * 0.8);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers GET, unknown methods and prototype names with typed errors', async () => {
    for (const method of API_METHODS) {
      const get = await request(t.port, { path: `/api/${method}`, headers: { 'X-Folio-Token': t.token } });
      expect(get.status).toBe(405);
      expect(isResult(get)).toEqual({ ok: false, code: 'invalid-request' });
    }
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'nope', '..%2f..%2fetc%2fpasswd', 'getArticle%00', 'x'.repeat(5_000)]) {
      const reply = await api(t, name, '{}');
      expect(reply.status).toBe(200);
      expect(isResult(reply)).toEqual({ ok: false, code: 'unknown-method' });
    }
  });

  it('refuses bodies over the cap with 413, accepts one just under it as a typed error', async () => {
    const under = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES - 100) });
    const small = await api(t, 'search', under);
    expect(small.status).toBe(200);
    expect(isResult(small)).toEqual({ ok: false, code: 'invalid-request' });
    for (const method of ['search', 'createNote', 'updateSettings'] as const) {
      const over = await api(t, method, JSON.stringify({ note: 'x'.repeat(MAX_BODY_BYTES + 10) }));
      expect(over.status).toBe(413);
      expect(isResult(over)).toEqual({ ok: false, code: 'invalid-request' });
      expect(over.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('the web bridge refuses desktop-only methods with "unsupported", whatever the path', async () => {
    const id = (JSON.parse((await api(t, 'listArticles', '{}')).body) as { value: { id: string }[] }).value[0]?.id ?? '';
    for (const p of ['/etc', '../../', 'C:\\Windows', t.root, `${t.root}/../`, '\u0000/tmp', 'x'.repeat(4_000)]) {
      expect(isResult(await api(t, 'openLibraryPath', JSON.stringify({ path: p })))).toEqual({ ok: false, code: 'unsupported' });
    }
    expect(isResult(await api(t, 'revealInFolder', JSON.stringify({ id })))).toEqual({ ok: false, code: 'unsupported' });
    expect(isResult(await api(t, 'openLibraryDialog', '{}'))).toEqual({ ok: false, code: 'unsupported' });
  });

  it('article ids that look like paths never reach a file outside the library', async () => {
    const outside = ['../secret.txt', '../../../../etc/passwd', '/etc/passwd', `${t.tmp}/secret.txt`, '..\\..\\secret.txt', 'C:\\Windows\\win.ini', '%2e%2e%2fsecret.txt', 'secret.txt\u0000.md', '.folio/../../secret.txt', 'x'.repeat(200)];
    for (const id of outside) {
      for (const method of ['getArticle', 'getRawText', 'listAnnotations', 'exportMarkdown'] as const) {
        const body = method === 'listAnnotations' ? { articleId: id } : method === 'exportMarkdown' ? { ids: [id] } : { id };
        const reply = await api(t, method, JSON.stringify(body));
        expect(reply.body).not.toContain('SECRET OUTSIDE');
        expect(reply.body).not.toContain('root:');
        const res = isResult(reply);
        if (!res.ok) expect(['not-found', 'article-not-found', 'invalid-request', 'outside-library']).toContain(res.code);
      }
    }
    // A 10 000-character id is refused by the schema before any lookup.
    expect(isResult(await api(t, 'getRawText', JSON.stringify({ id: 'a'.repeat(10_000) })))).toEqual({ ok: false, code: 'invalid-request' });
  });

  it('stays up, and the annotation store and settings are byte-identical', async () => {
    const info = await api(t, 'getAppInfo', '{}');
    expect(isResult(info)).toEqual({ ok: true });
    await new Promise((res) => setTimeout(res, 300));
    expect((await annotationBytes()).equals(before)).toBe(true);
    const settingsAfter = await readFile(path.join(t.dataDir, 'settings.json')).catch(() => Buffer.from(''));
    expect(settingsAfter.equals(settingsBefore)).toBe(true);
  });
});
