/**
 * The search bench's peers, each configured as a careful developer would for Vietnamese typed
 * with or without diacritics:
 * - FlexSearch 0.8: an Index over folded text (diacritics stripped, đ→d), `forward` tokenizer
 *   for as-you-type prefixes; top 20 per query.
 * - SQLite FTS5 (better-sqlite3): an on-disk table with `unicode61 remove_diacritics 2`; words
 *   ANDed, the last word of an as-you-type query as a prefix (`"cong" "t"*`), quoted phrases as
 *   FTS5 phrases; top 20 by bm25 with a snippet each.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import type BetterSqlite3 from 'better-sqlite3';
import type { RawDoc } from './scan';
import type { BenchQuery } from './queries';

export type PeerName = 'flex' | 'fts5';

/** A built peer: answers one bench query (returns its hit count). */
export interface Peer {
  search(q: BenchQuery): number;
  persistedBytes: number;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const DB = 'fts5.sqlite';

/** FTS5 MATCH expression for a bench query. */
export function ftsQuery(q: BenchQuery): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(q.q); m; m = re.exec(q.q)) {
    if (m[1] !== undefined) parts.push(`"${m[1].replace(/[^\p{L}\p{M}\p{N} ]/gu, ' ').trim()}"`);
    else for (const w of (m[2] ?? '').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean)) parts.push(`"${w}"`);
  }
  if (q.kind === 'prefix' && parts.length > 0) parts[parts.length - 1] += '*';
  return parts.join(' ');
}

type Database = BetterSqlite3.Database;

/**
 * better-sqlite3 is an optional dependency (a native module whose build may have failed or been
 * skipped): loaded only when FTS5 is asked for. Null, with the reason, when it cannot load.
 */
export async function loadSqlite(): Promise<{ Database: typeof BetterSqlite3 } | { error: string }> {
  try {
    const mod = (await import('better-sqlite3')) as { default: typeof BetterSqlite3 };
    // Opening a database loads the native binding: a missing build fails here, not at import.
    new mod.default(':memory:').close();
    return { Database: mod.default };
  } catch (err) {
    return { error: `better-sqlite3 is not built here (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); run \`npm rebuild better-sqlite3\` to include FTS5` };
  }
}

async function sqlite(): Promise<typeof BetterSqlite3> {
  const loaded = await loadSqlite();
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded.Database;
}

function ftsStatement(db: Database) {
  return db.prepare("SELECT id, snippet(docs, 2, '[', ']', '…', 16) AS s FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20");
}

/** Builds a peer over `docs` (FTS5 writes its database into `dataDir`). */
export async function peerBuild(name: PeerName, docs: readonly RawDoc[], dataDir: string): Promise<Peer> {
  if (name === 'flex') {
    const index = new FlexSearch.Index({ tokenize: 'forward' });
    docs.forEach((d, i) => index.add(i, fold(`${d.title}\n${d.body}`)));
    return {
      search: (q) => index.search(fold(q.q.replace(/"/g, ' ')), { limit: 20 }).length,
      persistedBytes: NaN,
    };
  }
  const Database = await sqlite();
  const db = new Database(join(dataDir, DB));
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO docs (id, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const d of docs) insert.run(d.id, d.title, d.body);
  })();
  const stmt = ftsStatement(db);
  return { search: (q) => stmt.all(ftsQuery(q)).length, persistedBytes: statSync(join(dataDir, DB)).size };
}

/** A fresh process's first answer from the persisted peer (FTS5 only; FlexSearch is not persisted here). */
export async function peerWarm(name: PeerName, dataDir: string, first: string): Promise<Record<string, number>> {
  if (name === 'flex') return { warmMs: NaN };
  const Database = await sqlite();
  const t0 = performance.now();
  const db = new Database(join(dataDir, DB), { readonly: true });
  const hits = ftsStatement(db).all(ftsQuery({ q: first, kind: 'diacritics', stockPrefix: false })).length;
  return { warmMs: Math.round((performance.now() - t0) * 10) / 10, firstQueryHits: hits };
}
