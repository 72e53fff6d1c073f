/**
 * A folder that refuses writes even for root (chmod does not stop root): one under /sys. Tests
 * of read-only libraries use it and skip where /sys accepts writes.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { isWriteRefused } from '../../src-main/core/library/persisted-json';

/** True when `dir` (under /sys) cannot be created: the kernel refuses the write. */
export function refusesWrites(dir: string): boolean {
  try {
    mkdirSync(dir);
    rmSync(dir, { recursive: true });
    return false;
  } catch (err) {
    return isWriteRefused(err);
  }
}
