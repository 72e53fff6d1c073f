/**
 * SIGKILL durability trials shared by the test (bounded) and `npm run stress` (long): a child
 * writes annotations in a loop, printing each id after its write resolved; we kill it at a random
 * moment; then the file must open without any restore and hold every acknowledged id (and none
 * of the acknowledged deletes).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnnotationStore } from '../../../src-main/core/annotations/index';
import { bundledScript } from '../../support/bundle';

const CHILD = fileURLToPath(new URL('./child-writer.ts', import.meta.url));

/** Totals over all trials. */
export interface CrashStats {
  trials: number;
  acknowledged: number;
  deletesAcknowledged: number;
  leftoverTempFiles: number;
  failures: string[];
}

/** Runs one child until killed; resolves with what it acknowledged. */
async function runAndKill(dataDir: string, maxDelayMs: number, compactBytes?: number): Promise<{ acked: string[]; deleting: string[]; deleted: string[] }> {
  // Bundled once: each of the many children starts without the TypeScript loader.
  const script = await bundledScript(CHILD);
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(compactBytes !== undefined ? { FOLIO_COMPACT_BYTES: String(compactBytes) } : {}) };
    const child = spawn(process.execPath, [script, dataDir, 'crash'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const acked: string[] = [];
    const deleting: string[] = [];
    const deleted: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const [kind, id] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (kind === 'ack' && id) acked.push(id);
        if (kind === 'deleting' && id) deleting.push(id);
        if (kind === 'del' && id) deleted.push(id);
        // Kill at a random moment once writing is under way (so kills land mid-write).
        timer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * maxDelayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited without being killed: ${stderr}`));
      else resolve({ acked, deleting, deleted });
    });
  });
}

/**
 * Runs `trials` kill-and-verify rounds split over `chains` independent data dirs under `root`
 * that run side by side (child start-up dominates; rounds within a chain accumulate data).
 */
export async function crashTrials(
  root: string,
  trials: number,
  opts: { chains?: number; maxDelayMs?: number; /** Compact the journal past this many bytes (small: kills land mid-compaction). */ compactBytes?: number } = {},
): Promise<CrashStats> {
  const chains = Math.max(1, Math.min(opts.chains ?? 2, trials));
  const parts = await Promise.all(
    Array.from({ length: chains }, async (_, c) => {
      const dir = path.join(root, `chain-${c}`);
      await mkdir(dir, { recursive: true });
      const share = Math.floor(trials / chains) + (c < trials % chains ? 1 : 0);
      return crashChain(dir, share, opts.maxDelayMs ?? 150, opts.compactBytes);
    }),
  );
  return parts.reduce((a, b) => ({
    trials: a.trials + b.trials,
    acknowledged: a.acknowledged + b.acknowledged,
    deletesAcknowledged: a.deletesAcknowledged + b.deletesAcknowledged,
    leftoverTempFiles: a.leftoverTempFiles + b.leftoverTempFiles,
    failures: [...a.failures, ...b.failures],
  }));
}

/** Runs `trials` kill-and-verify rounds one after another on `dataDir`. */
async function crashChain(dataDir: string, trials: number, maxDelayMs: number, compactBytes?: number): Promise<CrashStats> {
  const stats: CrashStats = { trials: 0, acknowledged: 0, deletesAcknowledged: 0, leftoverTempFiles: 0, failures: [] };
  const alive = new Set<string>();
  const gone = new Set<string>();
  for (let t = 0; t < trials; t++) {
    const { acked, deleting, deleted } = await runAndKill(dataDir, maxDelayMs, compactBytes);
    for (const id of acked) alive.add(id);
    // A delete under way when killed may or may not have reached the disk: either is correct.
    for (const id of deleting) alive.delete(id);
    for (const id of deleted) gone.add(id);
    stats.trials++;
    stats.acknowledged += acked.length;
    stats.deletesAcknowledged += deleted.length;
    const { store, report } = await AnnotationStore.open(dataDir);
    stats.leftoverTempFiles += report.removedTempFiles ?? 0;
    if (report.movedAside || report.restoredFrom) stats.failures.push(`trial ${t}: file was damaged (${report.message?.en})`);
    const missing = [...alive].filter((id) => !store.get(id));
    if (missing.length) stats.failures.push(`trial ${t}: ${missing.length} acknowledged ids missing (${missing.slice(0, 3).join(", ")})`);
    const resurrected = [...gone].filter((id) => store.get(id));
    if (resurrected.length) stats.failures.push(`trial ${t}: ${resurrected.length} acknowledged deletes undone`);
    await store.close();
  }
  return stats;
}
