/**
 * Reading the bench corpus. `ScanFn` is the hook for the real library reader: pass a module
 * exporting `scan(dir): Promise<Article[]>` with `--scan-module <path>` to time scan+parse too.
 * The default below is a minimal stand-in (first line title, blank-line paragraphs).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleVersion, Lang } from '../../src-main/shared/types';

/** Turns a library folder into articles (the lead's library reader plugs in here). */
export type ScanFn = (dir: string) => Promise<Article[]>;

/** One raw file of the corpus, as the stock baseline indexes it. */
export interface RawDoc {
  id: string;
  title: string;
  body: string;
}

/** Corpus files as { id: `${article}:${lang}`, title, body } (the stock baseline's input). */
export async function readRawDocs(dir: string): Promise<RawDoc[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  const docs: RawDoc[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    const nl = text.indexOf('\n');
    const [article, lang] = name.split('.') as [string, string];
    docs.push({ id: `${article}:${lang}`, title: text.slice(0, nl), body: text.slice(nl + 1).trim() });
  }
  return docs;
}

/** Default scan: raw docs grouped into articles with one version per language. */
export const defaultScan: ScanFn = async (dir) => {
  const byArticle = new Map<string, ArticleVersion[]>();
  for (const doc of await readRawDocs(dir)) {
    const [article, lang] = doc.id.split(':') as [string, Lang];
    const path = `${article}.${lang}.txt`;
    const st = await stat(join(dir, path));
    const paragraphs = doc.body.split('\n\n').map((text, index) => ({ index, kind: 'paragraph' as const, text: text.normalize('NFC') }));
    const day = 1 + (parseInt(article.slice(1), 10) % 28);
    const version: ArticleVersion = {
      fileId: path,
      lang,
      path,
      format: 'txt',
      encoding: 'utf-8',
      title: doc.title,
      date: `20${String(10 + (parseInt(article.slice(1), 10) % 15)).padStart(2, '0')}-0${1 + (day % 9)}-${String(day).padStart(2, '0')}`,
      author: null,
      source: null,
      tags: [],
      captions: [],
      paragraphs,
      size: st.size,
      mtimeMs: st.mtimeMs,
      contentHash: createHash('sha256').update(`${doc.title}\n${doc.body}`).digest('hex'),
    };
    const list = byArticle.get(article) ?? [];
    list.push(version);
    byArticle.set(article, list);
  }
  return [...byArticle].map(([id, versions]) => ({ id, versions }));
};
