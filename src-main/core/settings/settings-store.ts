/**
 * User settings in one small JSON file. Read with the schema (a damaged file falls back to the
 * defaults and is kept aside, never overwritten silently), written atomically.
 */
import { readFile, rename } from 'node:fs/promises';
import { writeFileDurably } from '../fs/write-durably';
import { SettingsSchema, defaultSettings, type Settings, type SettingsPatch } from '../../shared/settings';

/** Keeps at most this many per-article reading positions (most recent first). */
const MAX_POSITIONS = 2000;

/** Applies a patch to settings (pure): `position` sets one article's position and read time. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch, now: number): Settings {
  const { position, ...rest } = patch;
  const next: Settings = { ...current, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  if (position) {
    const lastRead = { ...next.lastRead, [position.id]: now };
    const ids = Object.keys(lastRead).sort((a, b) => (lastRead[b] ?? 0) - (lastRead[a] ?? 0));
    const keep = new Set(ids.slice(0, MAX_POSITIONS));
    next.lastRead = Object.fromEntries(Object.entries(lastRead).filter(([id]) => keep.has(id)));
    next.positions = Object.fromEntries(
      Object.entries({ ...next.positions, [position.id]: position.paragraph }).filter(([id]) => keep.has(id)),
    );
  }
  return SettingsSchema.parse(next);
}

/** Loads and saves settings at `file`. */
export class SettingsStore {
  private constructor(
    private readonly file: string,
    private current: Settings,
    private queue: Promise<unknown> = Promise.resolve(),
  ) {}

  /** Opens the settings file; a missing file gives defaults, a damaged one is renamed aside. */
  static async open(file: string): Promise<SettingsStore> {
    let raw: string | null = null;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return new SettingsStore(file, defaultSettings());
    }
    try {
      return new SettingsStore(file, SettingsSchema.parse(JSON.parse(raw)));
    } catch {
      await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
      return new SettingsStore(file, defaultSettings());
    }
  }

  /** The current settings. */
  get(): Settings {
    return this.current;
  }

  /** Applies a patch and persists it (writes are serialised). */
  async update(patch: SettingsPatch): Promise<Settings> {
    this.current = applySettingsPatch(this.current, patch, Date.now());
    const snapshot = JSON.stringify(this.current, null, 1);
    const write = this.queue.then(async () => {
      await writeFileDurably(this.file, snapshot);
    });
    this.queue = write.catch(() => undefined);
    await write;
    return this.current;
  }
}
