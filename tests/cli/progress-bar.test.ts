/** The progress bar on a terminal: once done, later updates (a scan behind `folio serve`) print nothing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src-main/cli/output';

const wasTty = process.stderr.isTTY;
afterEach(() => {
  process.stderr.isTTY = wasTty;
  vi.restoreAllMocks();
});

describe('progressBar', () => {
  it('draws while running and stays silent after done', () => {
    process.stderr.isTTY = true;
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { writes.push(String(chunk)); return true; });
    const bar = progressBar('Scanning');
    bar.update(5, 10);
    expect(writes.join('')).toContain('Scanning');
    expect(writes.join('')).toContain('5/10');
    bar.done();
    const afterDone = writes.length;
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10_000);
    bar.update(9, 10);
    bar.done();
    expect(writes.length).toBe(afterDone);
  });
});
