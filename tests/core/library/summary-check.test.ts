/**
 * The hand-written summary check gives zod's answer (cache.ts `SummarySchema`) on a summary Folio
 * wrote and on every one-field damage of it; it refuses unknown keys, which zod would drop. The
 * id registry's check gives zod's very result (unknown keys included: it hands those to zod).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Library } from '../../../src-main/core/library/library';
import { SummarySchema } from '../../../src-main/core/library/cache';
import { checkSummary } from '../../../src-main/core/library/summary-check';
import { checkRegistry, RegistrySchema } from '../../../src-main/core/library/registry';

const base = mkdtempSync(join(tmpdir(), 'folio-summary-check-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function writtenSummary(): Promise<Record<string, unknown>> {
  const root = join(base, 'lib');
  mkdirSync(join(root, 'site'), { recursive: true });
  const slogan = 'Nhịp sống phố núi - trang tin địa phương';
  ['Sương mù phủ kín con dốc dẫn lên chợ từ tờ mờ sáng.', 'Mùa hoa dã quỳ nở vàng hai bên đường vào thành phố.', 'Quán cà phê nhỏ ven hồ mở cửa từ năm giờ sáng.'].forEach((b, i) =>
    writeFileSync(join(root, 'site', `p${i}.txt`), `Phố núi ${i}\n\n${slogan}\n\n${b} Người dân quen với nhịp sống chậm rãi ở đây.\n\n${slogan}\n`));
  writeFileSync(join(root, 'note.md'), '---\ntitle: Ghi chép phố núi\ntags: [du lịch]\n---\n\nNhững ngày mưa, cả thành phố chìm trong màn sương trắng đục.\n');
  const lib = await Library.open({ root, dataDir: join(base, 'data'), workers: 0 });
  await lib.close();
  return JSON.parse(readFileSync(join(base, 'data', 'library-cache.json'), 'utf8')) as Record<string, unknown>;
}

function writtenRegistry(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(base, 'data', 'library-registry.json'), 'utf8')) as Record<string, unknown>;
}

/** Every path to a leaf or object in `v`, as key lists. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[at[at.length - 1] as string | number] = value;
  return copy;
}

describe('summary check', () => {
  it('agrees with the zod schema on a written summary and every one-field change of it', async () => {
    const summary = await writtenSummary();
    expect(Object.keys(summary.entries as object).length).toBe(4);
    expect(checkSummary(summary, 1_000_000)).toBe(summary);
    expect(SummarySchema.safeParse(summary).success).toBe(true);
    const replacements: unknown[] = [null, 'x', -1, 1.5, 7, true, [], {}, ['x'], 'library-paragraphs-ABC.json'];
    let refused = 0;
    let tried = 0;
    for (const at of paths(summary).filter((p) => p.length > 0)) {
      for (const value of replacements) {
        const changed = setAt(summary, at, value);
        const zod = SummarySchema.safeParse(changed);
        // Only keys that exist are changed here: unknown keys are the next test.
        const hand = checkSummary(changed, 1_000_000) !== null;
        tried++;
        if (!hand) refused++;
        expect(hand, `${at.join('.')} = ${JSON.stringify(value)}`).toBe(zod.success);
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(tried / 2);
  });

  it('refuses keys the schema does not name, and paragraph counts over the bound', async () => {
    const summary = await writtenSummary();
    const [rel] = Object.keys(summary.entries as object);
    expect(checkSummary({ ...summary, extra: 1 }, 1_000_000)).toBeNull();
    const entries = summary.entries as Record<string, Record<string, unknown>>;
    const entry = entries[rel as string] as Record<string, unknown>;
    expect(checkSummary(setAt(summary, ['entries', rel as string, 'version', 'paragraphs'], []), 1_000_000)).toBeNull();
    expect(checkSummary(summary, (entry.count as number) - 1)).toBeNull();
    expect(checkSummary(setAt(summary, ['entries', rel as string, 'pairId'], 'abc'), 1_000_000)).not.toBeNull();
  });

  it('the registry check gives what the zod schema gives, for the written file and every change', async () => {
    await writtenSummary();
    const registry = writtenRegistry();
    expect(checkRegistry(registry)).toBe(registry);
    const [path] = Object.keys(registry.entries as object);
    const withMissing = setAt(registry, ['entries', path as string, 'missingSince'], 1_700_000_000_000);
    const withExtra = setAt(registry, ['entries', path as string, 'note'], 'x');
    let tried = 0;
    for (const doc of [registry, withMissing, withExtra, { ...registry, extra: true }]) {
      for (const at of paths(doc).filter((p) => p.length > 0)) {
        for (const value of [null, 'x', 'abcdefabcdefabcd', -1, 1.5, [], {}]) {
          const changed = setAt(doc, at, value);
          const zod = RegistrySchema.safeParse(changed);
          tried++;
          expect(checkRegistry(changed), `${at.join('.')} = ${JSON.stringify(value)}`).toEqual(zod.success ? zod.data : null);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });
});
