/**
 * Metadata fixed by hand: `<dataDir>/metadata-edits.json` holds title, date, author, source,
 * language and tags edits keyed by a version's stable file id (so they survive rescans and
 * renames, as the id does), plus pairs made or broken by hand. Article files are never touched.
 * The overlay is pure (`applyEdit`, `pairOverrides`); the file is validated on read and written
 * atomically.
 */
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleVersion } from '../../shared/types';
import { withFields } from './lazy-version';
import { readJson, writeJson } from './persisted-json';
import { MetadataEditSchema, type MetadataEdit } from '../../shared/metadata-edit';

export { MetadataEditSchema, type MetadataEdit };

const FileSchema = z.object({
  version: z.literal(1),
  edits: z.record(z.string(), MetadataEditSchema),
  /** Pairs made by hand, as [fileId, fileId]. */
  pairs: z.array(z.tuple([z.string(), z.string()])),
  /** File ids that must stay alone although a naming rule would pair them. */
  unpaired: z.array(z.string()),
});
type EditsFile = z.infer<typeof FileSchema>;

/** Overlay an edit on a parsed version (pure). */
export function applyEdit(v: ArticleVersion, e: MetadataEdit | undefined): ArticleVersion {
  if (!e) return v;
  const date = e.date === undefined ? v.date : e.date === null ? null : e.date.length === 16 ? `${e.date}:00` : e.date;
  // withFields keeps a lazily read version lazy (a spread would read its paragraphs).
  return withFields(v, {
    title: e.title ?? v.title,
    date,
    author: e.author === undefined ? v.author : e.author || null,
    source: e.source === undefined ? v.source : e.source || null,
    lang: e.lang ?? v.lang,
    tags: e.tags ?? v.tags,
  });
}

/** The hand-made edits of one library. */
export class MetadataEdits {
  private constructor(private readonly file: string, private data: EditsFile, private damaged: boolean) {}

  /**
   * Load. A missing file starts empty; so does a damaged one, which stays on disk untouched and
   * is moved aside (`metadata-edits.damaged-<time>.json`, never overwritten) at the next edit.
   */
  static async load(dataDir: string): Promise<MetadataEdits> {
    const file = join(dataDir, 'metadata-edits.json');
    const data = await readJson(file, FileSchema);
    return new MetadataEdits(file, data ?? { version: 1 as const, edits: {}, pairs: [], unpaired: [] }, data === null && existsSync(file));
  }

  /** The edit of a version, if any. */
  get(fileId: string): MetadataEdit | undefined {
    return this.data.edits[fileId];
  }

  /** Pairs made by hand and file ids kept alone. */
  pairing(): { pairs: ReadonlyArray<readonly [string, string]>; unpaired: ReadonlySet<string> } {
    return { pairs: this.data.pairs, unpaired: new Set(this.data.unpaired) };
  }

  /** Merge `patch` into a version's edit (null clears a field to "none") and save. */
  async edit(fileId: string, patch: MetadataEdit): Promise<void> {
    const merged = MetadataEditSchema.parse({ ...this.data.edits[fileId], ...patch });
    this.data = { ...this.data, edits: { ...this.data.edits, [fileId]: merged } };
    await this.save();
  }

  /** Forget every edit of these versions and any pairing made or broken by hand for them. */
  async reset(fileIds: readonly string[]): Promise<void> {
    const ids = new Set(fileIds);
    const edits = Object.fromEntries(Object.entries(this.data.edits).filter(([k]) => !ids.has(k)));
    this.data = { ...this.data, edits, pairs: this.data.pairs.filter(([a, b]) => !ids.has(a) && !ids.has(b)), unpaired: this.data.unpaired.filter((k) => !ids.has(k)) };
    await this.save();
  }

  /** Pair two versions by hand (undoing any earlier hand pairing of either). */
  async pair(a: string, b: string): Promise<void> {
    const pairs = this.data.pairs.filter(([x, y]) => ![a, b].includes(x) && ![a, b].includes(y));
    this.data = { ...this.data, pairs: [...pairs, [a, b]], unpaired: this.data.unpaired.filter((k) => k !== a && k !== b) };
    await this.save();
  }

  /** Keep these versions apart. */
  async unpair(fileIds: readonly string[]): Promise<void> {
    const ids = new Set(fileIds);
    this.data = { ...this.data, pairs: this.data.pairs.filter(([x, y]) => !ids.has(x) && !ids.has(y)), unpaired: [...new Set([...this.data.unpaired, ...fileIds])] };
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.damaged) {
      await rename(this.file, this.file.replace(/\.json$/, `.damaged-${Date.now()}.json`)).catch(() => undefined);
      this.damaged = false;
    }
    await writeJson(this.file, this.data);
  }
}
