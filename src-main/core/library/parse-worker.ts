/**
 * Worker entry (a piscina task module): reads and parses one library file, so HTML and Markdown
 * parsing run off the thread that answers requests. Build entry for electron-vite:
 * `out/main/parse-worker.js`.
 *
 * Piscina gives each worker one task at a time, so a hang or crash is always this file's: the
 * pool times it and piscina ends and replaces the worker. Blocking reads are fine here (nothing
 * else runs on this thread).
 */
import { parseFileBytesAsync, readFileBytesSync } from './read-file';
import { parseErrorSkip, type ParseRequest, type ParseResponse } from './parse-protocol';

/** Parse one file (`null` is the pool's start-up probe). */
export default async function parseTask(req: ParseRequest | null): Promise<ParseResponse> {
  if (req === null) return null;
  req.started?.postMessage('started');
  req.started?.close();
  try {
    const read = readFileBytesSync(req.abs, req.rel, req.opts);
    // Containers (.docx, .pdf) convert asynchronously; piscina still runs one task per worker.
    return 'reason' in read ? read : await parseFileBytesAsync(read, req.rel, req.opts);
  } catch (err) {
    // readParsedFile's halves report bad input as skips; anything thrown is kept to its file.
    return parseErrorSkip(req.rel, err);
  }
}
