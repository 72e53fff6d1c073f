/**
 * A writer process for the durability and concurrency tests (not a test file itself).
 *   crash mode: creates (and now and then deletes) highlights forever, printing `ack <id>` /
 *               `del <id>` only after the write promise resolved (and `deleting <id>` before a
 *               delete starts); the parent SIGKILLs it.
 *   burst mode: waits until `--at` (epoch ms), then creates `--count` highlights at once.
 *   hold mode:  takes the lock, prints `held`, and keeps it until killed.
 * FOLIO_COMPACT_BYTES sets the journal size that triggers compaction (small: kills land in it).
 * FOLIO_CLOCK_SKEW_MS shifts this process's wall clock (Date.now and the store's clock), as a
 * machine whose clock is wrong would.
 * Usage: node --import tsx child-writer.ts <dataDir> <crash|burst|hold> [count] [at]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { AnnotationStore } from '../../../src-main/core/annotations/store';
import { acquireLock } from '../../../src-main/core/annotations/lock';

const skew = Number(process.env.FOLIO_CLOCK_SKEW_MS ?? 0);
const realNow = Date.now.bind(Date);
if (skew) Date.now = () => realNow() + skew;

const [dataDir, mode = 'crash', countArg = '50', atArg = '0'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: child-writer.ts <dataDir> <crash|burst> [count] [at]');
const text = readFileSync(fileURLToPath(new URL('../../fixtures/annotations/river-town.en.txt', import.meta.url)), 'utf8')
  .trimEnd()
  .normalize('NFC');

function randomRange(): { start: number; end: number } {
  for (;;) {
    const start = Math.floor(Math.random() * (text.length - 40));
    const end = start + 5 + Math.floor(Math.random() * 30);
    if (text.slice(start, end).trim()) return { start, end };
  }
}

if (mode === 'hold') {
  await acquireLock(path.join(dataDir, 'annotations.lock'));
  process.stdout.write('held\n');
  setInterval(() => undefined, 1 << 30);
  await new Promise(() => undefined);
}

const compactBytes = process.env.FOLIO_COMPACT_BYTES ? Number(process.env.FOLIO_COMPACT_BYTES) : undefined;
const { store } = await AnnotationStore.open(dataDir, { now: () => new Date(Date.now()), compactBytes });
const tag = `pid-${process.pid}`;

if (mode === 'burst') {
  const wait = Number(atArg) - realNow();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  await Promise.all(
    Array.from({ length: Number(countArg) }, () =>
      store
        .createHighlight({ articleId: 'river-town', lang: 'en', text, ...randomRange(), tags: [tag] })
        .then((a) => process.stdout.write(`ack ${a.id}\n`)),
    ),
  );
  await store.close();
} else {
  const mine: string[] = [];
  for (let i = 0; ; i++) {
    if (i % 5 === 4 && mine.length > 0) {
      const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0] ?? '';
      // Announce first: a delete may reach the disk before the kill even if its ack does not.
      process.stdout.write(`deleting ${id}\n`);
      await store.delete(id);
      process.stdout.write(`del ${id}\n`);
    } else {
      const a = await store.createHighlight({ articleId: 'river-town', lang: 'en', text, ...randomRange(), note: `n${i}`, tags: [tag] });
      mine.push(a.id);
      process.stdout.write(`ack ${a.id}\n`);
    }
  }
}
