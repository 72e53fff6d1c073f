/**
 * A small pool of worker threads that read and parse library files (`readParsedFile`), so a cold
 * scan uses every core and a huge HTML page never blocks the main thread.
 *
 * Each worker holds a few files (so its disk reads overlap its parsing) and answers them in the
 * order sent, so the oldest unanswered file is the one it is working on: that file alone is timed
 * (`timeoutMs`) and blamed when the worker hangs, crashes or runs out of memory. It is skipped as
 * `parse-error`, the worker is replaced and its other files are sent again. When no worker can
 * start here (no worker file, no tsx), the pool parses in-thread, with the same results.
 */
import type { Worker } from 'node:worker_threads';
import type { SkippedFile } from '../../shared/types';
import { startWorker, workerLocation, type WorkerLocation } from '../workers/worker-location';
import { readParsedFile, type ParsedFile, type ReadOptions } from './read-file';
import { parseErrorSkip, type ParseRequest, type ParseResponse } from './parse-protocol';

/** Worker entry name: `out/main/parse-worker.js` when built, `./parse-worker.ts` from source. */
const WORKER_NAME = 'parse-worker';
/** Files sent to one worker at a time: enough for its reads to overlap its parsing. */
const DEPTH = 4;
/** A file sent again this often (its worker died while holding it) is skipped. */
const MAX_ATTEMPTS = 2;
/** Idle workers are ended after this long, so a finished scan does not keep parsers in memory. */
const IDLE_MS = 3_000;
/** Files read concurrently when parsing in-thread (reads overlap parsing). */
const IN_THREAD_CONCURRENCY = 8;

/** Where the parse worker would be started from here, or null (diagnostics and tests). */
export function parseWorkerLocation(): WorkerLocation | null {
  return workerLocation(WORKER_NAME, import.meta.url);
}

/** Options of a `ParsePool`. */
export interface ParsePoolOptions {
  /** Worker threads at most (started on demand). */
  size: number;
  /** A file still parsing after this many ms is skipped and its worker ended. */
  timeoutMs: number;
  /** Old-generation heap limit of each worker in MB (default: Node's). */
  heapMb?: number;
}

type Result = ParsedFile | SkippedFile;

interface Task {
  req: ParseRequest;
  attempts: number;
  resolve: (r: Result) => void;
}

interface Slot {
  worker: Worker;
  /** Files sent, oldest first; the first is the one being worked on. */
  tasks: Task[];
  timer: NodeJS.Timeout | null;
}

/** Parses files in worker threads; `parse` never rejects. */
export class ParsePool {
  private readonly opts: ParsePoolOptions;
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  private starting = 0;
  private nextId = 0;
  private inThreadRunners = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers cannot start in this environment: everything runs in-thread from now on. */
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
  parse(abs: string, rel: string, opts: ReadOptions): Promise<Result> {
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, abs, rel, opts }, attempts: 0, resolve });
      this.pump();
    });
  }

  /** End all workers; files not yet answered are parsed in-thread. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearIdle();
    const slots = this.slots.splice(0);
    for (const s of slots) {
      this.clearTimer(s);
      this.queue.unshift(...s.tasks.splice(0));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    this.pump();
  }

  private pump(): void {
    if (this.inThread) {
      while (this.queue.length > 0 && this.inThreadRunners < IN_THREAD_CONCURRENCY) void this.runInThread();
      return;
    }
    // Fill the emptiest workers first, so both get work while the queue is short.
    for (let depth = 0; depth < DEPTH && this.queue.length > 0; depth++) {
      for (const slot of this.slots) if (slot.tasks.length === depth && this.queue.length > 0) this.send(slot, this.queue.shift() as Task);
    }
    while (this.queue.length > this.starting * DEPTH && this.slots.length + this.starting < this.opts.size) this.grow();
    if (this.queue.length === 0 && this.slots.every((s) => s.tasks.length === 0)) this.armIdle();
    else this.clearIdle();
  }

  private async runInThread(): Promise<void> {
    this.inThreadRunners++;
    try {
      for (let t = this.queue.shift(); t; t = this.queue.shift()) {
        const { abs, rel, opts } = t.req;
        t.resolve(await readParsedFile(abs, rel, opts).catch((e: unknown) => parseErrorSkip(rel, e)));
      }
    } finally {
      this.inThreadRunners--;
    }
  }

  private grow(): void {
    this.starting++;
    const { heapMb } = this.opts;
    startWorker(WORKER_NAME, import.meta.url, heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}).then(
      (worker) => {
        this.starting--;
        if (this.closed) {
          void worker.terminate();
          return;
        }
        const slot: Slot = { worker, tasks: [], timer: null };
        this.slots.push(slot);
        // An idle worker must not keep a short CLI process alive; `send` holds it while busy.
        worker.unref();
        worker.on('message', (msg: ParseResponse) => this.answer(slot, msg));
        worker.on('error', (err) => this.lose(slot, `the parser failed: ${err.message}`));
        worker.on('exit', (code) => this.lose(slot, `the parser stopped (exit code ${code})`));
        this.pump();
      },
      () => {
        this.starting--;
        // Give up on workers only when none is running: a failed replacement is not fatal.
        if (this.slots.length === 0 && this.starting === 0) this.broken = true;
        this.pump();
      },
    );
  }

  private send(slot: Slot, task: Task): void {
    task.attempts++;
    slot.tasks.push(task);
    slot.worker.ref();
    slot.worker.postMessage(task.req);
    if (slot.tasks.length === 1) this.startTimer(slot);
  }

  /** Time the file the worker is on now (the oldest it holds). */
  private startTimer(slot: Slot): void {
    this.clearTimer(slot);
    const head = slot.tasks[0];
    if (!head) return;
    slot.timer = setTimeout(() => {
      const secs = Math.round(this.opts.timeoutMs / 100) / 10;
      this.retire(slot, { path: head.req.rel, reason: 'parse-error', message: `File took too long to parse (over ${secs} s)` });
    }, this.opts.timeoutMs);
  }

  private answer(slot: Slot, msg: ParseResponse): void {
    const at = slot.tasks.findIndex((t) => t.req.id === msg.id);
    if (at === -1) return;
    const [task] = slot.tasks.splice(at, 1);
    if (at === 0) this.startTimer(slot);
    if (slot.tasks.length === 0) slot.worker.unref();
    task?.resolve(msg.result);
    this.pump();
  }

  /** The worker crashed or exited: the file it was on is skipped, a replacement starts on demand. */
  private lose(slot: Slot, why: string): void {
    const head = slot.tasks[0];
    this.retire(slot, head ? parseErrorSkip(head.req.rel, new Error(why)) : null);
  }

  /** End a worker: its current file gets `skip`, its other files go back to the queue. */
  private retire(slot: Slot, skip: SkippedFile | null): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    this.clearTimer(slot);
    const tasks = slot.tasks.splice(0);
    void slot.worker.terminate();
    const head = skip ? tasks.shift() : undefined;
    const retry: Task[] = [];
    for (const t of tasks) {
      if (t.attempts < MAX_ATTEMPTS) retry.push(t);
      else t.resolve(parseErrorSkip(t.req.rel, new Error('the parser stopped twice while holding this file')));
    }
    this.queue.unshift(...retry);
    if (head && skip) head.resolve(skip);
    this.pump();
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private armIdle(): void {
    if (this.idleTimer || this.slots.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      for (const slot of this.slots.splice(0)) void slot.worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
