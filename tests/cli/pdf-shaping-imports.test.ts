/**
 * HarfBuzz loads only for exports that need it: `folio export --pdf` of a Vietnamese article
 * loads the PDF modules but not harfbuzzjs; the same export of an article with Hindi loads
 * it (and writes the Devanagari text extractably). Checked by recording every module the
 * process resolves, as tests/cli/start-up-imports.test.ts does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_PDFTOTEXT, pdfToText } from '../core/export/pdf/pdf-tools';
import { folio, REPO } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'folio-shaping-imports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Export the only article of a library holding `body`, recording the npm packages loaded. */
async function exportLoading(name: string, body: string): Promise<{ packages: Set<string>; pdf: Uint8Array }> {
  const lib = join(tmp, name);
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, `${name}.md`), body);
  const data = join(tmp, `${name}-data`);
  const rows = JSON.parse((await folio(['list', lib, '--data', data, '--json'])).stdout) as Array<{ id: string }>;
  const log = join(tmp, `${name}.log`);
  const out = join(tmp, `${name}.pdf`);
  const hook = pathToFileURL(join(REPO, 'tests/support/import-log.mjs')).href;
  const r = await folio(['export', lib, rows[0]?.id ?? '', '--pdf', out, '--data', data], { env: { FOLIO_IMPORT_LOG: log, NODE_OPTIONS: `--import=${hook}` } });
  expect(r.code, r.stderr).toBe(0);
  const packages = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m?.[1]) packages.add(m[1]);
  }
  return { packages, pdf: new Uint8Array(readFileSync(out)) };
}

describe('HarfBuzz is loaded lazily', { timeout: 180_000 }, () => {
  it('a Vietnamese export loads the PDF modules but not harfbuzzjs', async () => {
    const { packages } = await exportLoading('vi', '# Sáng nay\n\nTrời trong và gió nhẹ trên sông. English words too.\n');
    // The log sees ES module resolution (pdf-lib and fontkit are require()d): bidi-js shows the
    // PDF layout modules did load, in the export worker too.
    expect(packages.has('bidi-js')).toBe(true);
    expect(packages.has('harfbuzzjs')).toBe(false);
  });

  it.skipIf(!HAS_PDFTOTEXT)('an export with Hindi loads harfbuzzjs and extracts the Hindi line', async () => {
    const line = 'हिन्दी: विद्यार्थी पुस्तक पढ़ते हैं।';
    const { packages, pdf } = await exportLoading('hi', `# Chữ viết\n\n${line}\n`);
    expect(packages.has('harfbuzzjs')).toBe(true);
    expect(pdfToText(pdf).split('\n').map((l) => l.trim())).toContain(line);
  });
});
