import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../src-main/api/dispatch';
import { API_METHODS } from '../../src-main/shared/api';
import { FolioError } from '../../src-main/shared/result';
import { AnnotationError } from '../../src-main/shared/anchoring/errors';
import { PdfExportError } from '../../src-main/core/export/pdf/errors';

/** Handlers that echo their (validated) request, or throw for `getArticle`. */
function echoHandlers(): Handlers {
  const entries = API_METHODS.map((m) => [
    m,
    async (req: unknown) => {
      if (m === 'getArticle') throw new FolioError('not-found', 'No article with id x');
      if (m === 'getRawText') throw new Error('boom');
      if (m === 'listSkipped') throw Object.assign(new Error('Path leaves the library'), { code: 'outside-library' });
      if (m === 'rescan') throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/lib/a.md' });
      if (m === 'listArticles') throw Object.assign(new Error('odd'), { code: 'SOMETHING_ELSE' });
      if (m === 'getLibraryStatus') throw new AnnotationError('conflict', 'Another process holds the lock', { seconds: 10 });
      return req;
    },
  ]);
  return Object.fromEntries(entries) as unknown as Handlers;
}

describe('dispatch', () => {
  const h = echoHandlers();
  it('passes a valid request to its handler', async () => {
    const r = await dispatch(h, 'search', { query: 'dân vận', limit: 5 });
    expect(r).toEqual({ ok: true, value: { query: 'dân vận', limit: 5 } });
  });
  it('refuses unknown methods, including prototype names', async () => {
    for (const m of ['nope', '__proto__', 'constructor', 'toString']) {
      const r = await dispatch(h, m, {});
      expect(r.ok, m).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-method');
    }
  });
  it('refuses malformed payloads with a typed error naming the field', async () => {
    const bad: Array<[string, unknown]> = [
      ['search', { query: 42 }],
      ['search', { query: 'x', limit: -1 }],
      ['search', { query: 'x', extra: true }],
      ['createHighlight', { articleId: 'a', lang: 'fr', start: 0, end: 1 }],
      ['createHighlight', { articleId: 'a', lang: 'vi', start: 0.5, end: 1 }],
      ['updateAnnotation', { id: 'x'.repeat(1000) }],
      ['getArticle', []],
      ['getArticle', 'id'],
    ];
    for (const [m, payload] of bad) {
      const r = await dispatch(h, m, payload);
      expect(r.ok, `${m} ${JSON.stringify(payload).slice(0, 40)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-request');
    }
  });
  it('turns a FolioError into its code and an unexpected error into internal', async () => {
    const a = await dispatch(h, 'getArticle', { id: 'x' });
    expect(a).toEqual({ ok: false, error: { code: 'not-found', message: 'No article with id x' } });
    const b = await dispatch(h, 'getRawText', { id: 'x' });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.code).toBe('internal');
  });
  it('passes coded errors through untouched, with their params; Node file errors get their own codes', async () => {
    expect(await dispatch(h, 'listSkipped', {})).toEqual({ ok: false, error: { code: 'outside-library', message: 'Path leaves the library' } });
    expect(await dispatch(h, 'rescan', {})).toEqual({ ok: false, error: { code: 'file-missing', message: 'ENOENT: no such file', params: { path: '/lib/a.md' } } });
    expect(await dispatch(h, 'getLibraryStatus', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'Another process holds the lock', params: { seconds: 10 } } });
  });
  it('reports an error with a foreign code as internal and logs it with its stack', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const r = await dispatch(h, 'listArticles', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: 'odd' } });
    } finally {
      console.error = original;
    }
    expect(String(logged[0]?.[0])).toContain('listArticles');
    expect(String(logged[0]?.[1])).toContain('dispatch.test.ts');
  });
  it('gives the PDF export errors the shared kebab-case codes', () => {
    const e = new PdfExportError('PDF_NOTHING_TO_EXPORT', 'nothing');
    expect(e).toBeInstanceOf(FolioError);
    expect(e.code).toBe('pdf-nothing-to-export');
  });
});
