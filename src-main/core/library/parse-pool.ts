/**
 * The worker threads that read and parse library files, so parsing never runs on the thread
 * that answers requests and a cold scan uses every core. A piscina pool does the work: it starts
 * workers on demand, gives each one task at a time, replaces a worker that crashes or runs out of
 * memory, and terminates the worker of an aborted task.
 *
 * Every file has a time budget (`timeoutMs` plus `msPerMib` for each MiB: the parsers are linear in
 * size, and a flat budget would skip a large but ordinary page on a busy laptop; counted from when
 * its worker starts on it: the worker says so on a port of its own, so queueing and worker start-up
 * do not count) and a size budget
 * (`ReadOptions.maxFileBytes`/`maxLines`). A file
 * over budget is skipped with its reason, its worker ended, and the other files go on. When no
 * worker can start here (no worker file, a packaged asar), the pool parses in-thread with the
 * same results, and says so (`inThread`).
 */
import { stat } from 'node:fs/promises';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { SkippedFile } from '../../shared/types';
import { poolWorker, workerLocation, type WorkerLocation } from '../workers/worker-location';
import { readParsedFile, type ParsedFile, type ReadOptions } from './read-file';
import { parseErrorSkip, tooSlowSkip, type ParseRequest, type ParseResponse } from './parse-protocol';

/** Worker entry name: `out/main/parse-worker.js` when built, `./parse-worker.ts` from source. */
const WORKER_NAME = 'parse-worker';
/** Idle workers are ended after this long, so a finished scan does not keep parsers in memory. */
const IDLE_MS = 3_000;
/** A file whose worker has not started on it after this long is skipped (a worker that cannot load). */
const START_MS = 60_000;

/** The time a file of `bytes` may take to parse: a base plus `msPerMib` for each MiB (rounded). */
export function parseBudgetMs(bytes: number, baseMs: number, msPerMib: number): number {
  return Math.round(baseMs + (msPerMib * bytes) / 2 ** 20);
}

/** Where the parse worker would be started from here, or null (diagnostics and tests). */
export function parseWorkerLocation(): WorkerLocation | null {
  return workerLocation(WORKER_NAME, import.meta.url);
}

/** Options of a `ParsePool`. */
export interface ParsePoolOptions {
  /** Worker threads at most (started on demand). */
  size: number;
  /** A file still parsing after this many ms is skipped as `too-slow` and its worker ended. */
  timeoutMs: number;
  /** Added to `timeoutMs` for each MiB of the file (default 0). */
  msPerMib?: number;
  /** Old-generation heap limit of each worker in MB (default: Node's); over it, the file is skipped. */
  heapMb?: number;
}

type Result = ParsedFile | SkippedFile;

/** Parses files in worker threads; `parse` never rejects. */
export class ParsePool {
  private readonly opts: ParsePoolOptions;
  private pool: Piscina<ParseRequest | null, ParseResponse> | null = null;
  /** Resolves to the pool once a worker answered the probe, or null when none can start. */
  private starting: Promise<Piscina<ParseRequest | null, ParseResponse> | null> | null = null;
  /**
   * Files handed to piscina now, at most `size`; the rest wait here. Piscina's own queue is not
   * used: after a worker died it left queued tasks waiting until the next `run` (seen with an
   * out-of-memory worker, piscina 5.3).
   */
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private broken = false;
  private closed = false;

  constructor(opts: ParsePoolOptions) {
    this.opts = { ...opts, size: Math.max(1, Math.floor(opts.size)) };
  }

  /** True once the pool parses in-thread (workers could not start, or the pool is closed). */
  get inThread(): boolean {
    return this.broken || this.closed;
  }

  /** Read and parse one file (as `readParsedFile`), in a worker when one can run. */
  async parse(abs: string, rel: string, opts: ReadOptions): Promise<Result> {
    const pool = this.closed ? null : await this.start();
    if (!pool || this.closed) return readParsedFile(abs, rel, opts).catch((e: unknown) => parseErrorSkip(rel, e));
    await this.turn();
    if (this.closed) {
      this.release();
      return parseErrorSkip(rel, new Error('the library was closed'));
    }
    const size = this.opts.msPerMib ? await stat(abs).then((st) => st.size, () => 0) : 0;
    const allowedMs = parseBudgetMs(size, this.opts.timeoutMs, this.opts.msPerMib ?? 0);
    const budget = new AbortController();
    let overBudget = false;
    let timer = setTimeout(() => budget.abort(), START_MS);
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { overBudget = true; budget.abort(); }, allowedMs);
    });
    try {
      const result = await pool.run({ abs, rel, opts, started: port2 }, { signal: budget.signal, transferList: [port2] });
      return result ?? parseErrorSkip(rel, new Error('no answer from the parser'));
    } catch (err) {
      if (overBudget) return tooSlowSkip(rel, allowedMs);
      if (budget.signal.aborted) return parseErrorSkip(rel, new Error('the parser did not start'));
      return parseErrorSkip(rel, this.closed ? new Error('the library was closed') : err);
    } finally {
      clearTimeout(timer);
      port1.close();
      this.release();
    }
  }

  /** End all workers (files in flight are skipped; later calls parse in-thread). */
  async close(): Promise<void> {
    this.closed = true;
    for (const go of this.waiting.splice(0)) go();
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy().catch(() => undefined);
  }

  private async turn(): Promise<void> {
    if (this.inFlight >= this.opts.size) await new Promise<void>((go) => this.waiting.push(go));
    this.inFlight++;
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }

  private start(): Promise<Piscina<ParseRequest | null, ParseResponse> | null> {
    this.starting ??= this.create();
    return this.starting;
  }

  private async create(): Promise<Piscina<ParseRequest | null, ParseResponse> | null> {
    const where = poolWorker(WORKER_NAME, import.meta.url);
    if (!where) {
      this.broken = true;
      return null;
    }
    const { heapMb } = this.opts;
    const pool = new Piscina<ParseRequest | null, ParseResponse>({
      filename: where.filename,
      workerData: where.workerData,
      minThreads: 0,
      maxThreads: this.opts.size,
      idleTimeout: IDLE_MS,
      concurrentTasksPerWorker: 1,
      ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    });
    // A worker that cannot load its module fails the probe: parse in-thread from then on.
    try {
      await pool.run(null);
    } catch {
      this.broken = true;
      await pool.destroy().catch(() => undefined);
      return null;
    }
    if (this.closed) {
      await pool.destroy().catch(() => undefined);
      return null;
    }
    this.pool = pool;
    return pool;
  }
}
