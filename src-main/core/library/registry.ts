/**
 * Stable file ids. `<dataDir>/library-registry.json` maps path -> {fileId, contentHash,
 * firstSeen}. A path keeps its id when edited in place; a new path whose content hash matches
 * an entry whose file is gone takes over that id (a rename or move); otherwise the id is the
 * first 16 hex digits of sha256(contentHash + path).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonChecked, writeJson } from './persisted-json';
import { sha256 } from './file-kind';

const EntrySchema = z.object({
  fileId: z.string().regex(/^[0-9a-f]{16}$/),
  contentHash: z.string(),
  firstSeen: z.number(),
  /** When the file was last found missing (ms); absent while present. */
  missingSince: z.number().optional(),
});
export const RegistrySchema = z.object({ version: z.literal(1), entries: z.record(z.string(), EntrySchema) });
type Registry = z.infer<typeof RegistrySchema>;

const FILE_ID = /^[0-9a-f]{16}$/;

/** True when `e` is an entry exactly as Folio writes it (no key the schema does not name). */
function plainEntry(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const o = e as Record<string, unknown>;
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  const missing = 'missingSince' in o;
  if (n !== (missing ? 4 : 3) || (missing && !Number.isFinite(o.missingSince))) return false;
  return typeof o.fileId === 'string' && FILE_ID.test(o.fileId) && typeof o.contentHash === 'string' && Number.isFinite(o.firstSeen);
}

/**
 * The registry as written by Folio, checked in place (zod built a copy of every entry at every
 * open); anything else (an unknown key, a wrong type) goes through the zod schema, which keeps
 * its answer. tests/core/library/summary-check.test.ts holds the two to the same result.
 */
export function checkRegistry(data: unknown): Registry | null {
  const d = data as { version?: unknown; entries?: unknown } | null;
  if (typeof d === 'object' && d !== null && !Array.isArray(d) && Object.keys(d).length === 2 && d.version === 1
    && typeof d.entries === 'object' && d.entries !== null && !Array.isArray(d.entries)) {
    const entries = d.entries as Record<string, unknown>;
    let plain = true;
    for (const k in entries) if (!plainEntry(entries[k])) { plain = false; break; }
    if (plain) return d as Registry;
  }
  const parsed = RegistrySchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** One registry row. */
export type RegistryEntry = z.infer<typeof EntrySchema>;

/** Missing entries are forgotten after this long (their annotations have long been orphaned). */
const FORGET_AFTER_MS = 180 * 24 * 3600 * 1000;

/** The id registry of one library. */
export class IdRegistry {
  /** contentHash -> paths holding it, so a rename is found without scanning every entry. */
  private readonly byHash = new Map<string, Set<string>>();

  /** Whether the entries differ from the file (a warm open of an unchanged library saves nothing). */
  private changed: boolean;

  private constructor(private readonly file: string, private readonly entries: Map<string, RegistryEntry>, loaded: boolean) {
    this.changed = !loaded;
    for (const [p, e] of entries) this.index(p, e.contentHash);
  }

  private index(path: string, hash: string): void {
    const set = this.byHash.get(hash) ?? new Set<string>();
    set.add(path);
    this.byHash.set(hash, set);
  }

  private put(path: string, entry: RegistryEntry): void {
    const old = this.entries.get(path);
    if (!old || old.fileId !== entry.fileId || old.contentHash !== entry.contentHash || old.firstSeen !== entry.firstSeen || old.missingSince !== entry.missingSince) this.changed = true;
    if (old && old.contentHash !== entry.contentHash) this.byHash.get(old.contentHash)?.delete(path);
    this.entries.set(path, entry);
    this.index(path, entry.contentHash);
  }

  private drop(path: string): void {
    const old = this.entries.get(path);
    if (old) this.byHash.get(old.contentHash)?.delete(path);
    if (this.entries.delete(path)) this.changed = true;
  }

  /** Load from `<dataDir>/library-registry.json` (a corrupt file starts empty). */
  static async load(dataDir: string): Promise<IdRegistry> {
    const file = join(dataDir, 'library-registry.json');
    const data = await readJsonChecked(file, checkRegistry);
    return new IdRegistry(file, new Map(Object.entries(data?.entries ?? {})), data !== null);
  }

  /** The entry for `path`, if any. */
  get(path: string): RegistryEntry | undefined {
    return this.entries.get(path);
  }

  /**
   * The id for a file now at `path` with `contentHash`. `present(p)` says whether a path
   * currently exists in the library (so a same-content entry is a rename, not a copy).
   */
  assign(path: string, contentHash: string, present: (p: string) => boolean, now = Date.now()): RegistryEntry {
    const own = this.entries.get(path);
    if (own) {
      const next = { fileId: own.fileId, contentHash, firstSeen: own.firstSeen };
      this.put(path, next);
      return next;
    }
    for (const oldPath of [...(this.byHash.get(contentHash) ?? [])].sort()) {
      const e = this.entries.get(oldPath);
      if (e && oldPath !== path && !present(oldPath)) {
        this.drop(oldPath);
        const moved = { fileId: e.fileId, contentHash, firstSeen: e.firstSeen };
        this.put(path, moved);
        return moved;
      }
    }
    const fresh = { fileId: sha256(contentHash + path).slice(0, 16), contentHash, firstSeen: now };
    this.put(path, fresh);
    return fresh;
  }

  /** Mark entries whose paths are not in `present` as missing; forget very old ones. */
  sweep(present: (p: string) => boolean, now = Date.now()): void {
    for (const [p, e] of this.entries) {
      if (present(p)) { if (e.missingSince !== undefined) this.put(p, { fileId: e.fileId, contentHash: e.contentHash, firstSeen: e.firstSeen }); continue; }
      if (e.missingSince === undefined) this.put(p, { ...e, missingSince: now });
      else if (now - e.missingSince > FORGET_AFTER_MS) this.drop(p);
    }
  }

  /** Persist atomically (not when the file already holds this). */
  async save(): Promise<void> {
    if (!this.changed) return;
    await writeJson(this.file, { version: 1, entries: Object.fromEntries(this.entries) });
    this.changed = false;
  }
}
