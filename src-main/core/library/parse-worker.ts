/**
 * Worker entry (worker_threads): reads and parses library files, so HTML parsing (jsdom +
 * DOMPurify, linkedom + Readability) runs off the main thread and on every core.
 * Build entry for electron-vite: `out/main/parse-worker.js`.
 *
 * Requests are handled one at a time, synchronously, in arrival order: the oldest unanswered
 * request is always the one this worker is busy with, which is how the pool knows which file to
 * blame for a hang or crash. Blocking reads are fine here (nothing else runs on this thread).
 */
import { parentPort } from 'node:worker_threads';
import { signalReady } from '../workers/worker-location';
import { parseFileBytesAsync, readFileBytesSync } from './read-file';
import { parseErrorSkip, type ParseRequest, type ParseResponse } from './parse-protocol';

async function handle(req: ParseRequest): Promise<void> {
  let response: ParseResponse;
  try {
    const read = readFileBytesSync(req.abs, req.rel, req.opts);
    response = { id: req.id, result: 'reason' in read ? read : await parseFileBytesAsync(read, req.rel, req.opts) };
  } catch (err) {
    // readParsedFile's halves report bad input as skips; anything thrown is kept to its file.
    response = { id: req.id, result: parseErrorSkip(req.rel, err) };
  }
  parentPort?.postMessage(response);
}

// Containers (.docx, .pdf) convert asynchronously: a queue keeps requests strictly one at a time.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (req: ParseRequest) => {
  queue = queue.then(() => handle(req));
});
signalReady();
