/** Finding Debian's Chromium and the flags this machine needs (shared by the harness and the global setup). */
import { existsSync } from 'node:fs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser's WebSocket endpoint (tests/e2e/global-setup.ts), or '' when each file launches its own. */
    browserWSEndpoint: string;
  }
}

/** No background networking, no GPU, no first-run or sync: a quiet, offline browser. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The Chromium to drive: $CHROMIUM_PATH, or Debian's. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}
