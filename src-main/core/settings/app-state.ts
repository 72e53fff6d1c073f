/** App-wide state the desktop shell remembers between runs (the last library). Plain Node. */
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../fs/write-durably';
import { z } from 'zod';

const AppStateSchema = z.object({ lastLibrary: z.string().nullable().default(null) });
export type AppState = z.infer<typeof AppStateSchema>;

/** Reads the state file; missing or damaged gives the defaults. */
export async function readAppState(file: string): Promise<AppState> {
  try {
    return AppStateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return AppStateSchema.parse({});
  }
}

/** Writes the state file atomically and durably. */
export async function writeAppState(file: string, state: AppState): Promise<void> {
  await writeFileDurably(file, JSON.stringify(state, null, 1));
}
