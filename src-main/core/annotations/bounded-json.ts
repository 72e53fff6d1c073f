/**
 * JSON.parse with size and depth limits, for files in `.folio/` (they travel with shared
 * libraries, so they are untrusted input). A record nested 5,000 levels deep parses, but then
 * overflows the stack in every recursive walk after it (validation, cloning, stringify) with
 * "Maximum call stack size exceeded" — so depth is checked first by an iterative scan, which
 * cannot overflow, and the file is rejected with a clear reason instead.
 */

/** Limits for `parseBoundedJson`. */
export interface JsonLimits {
  /** Largest accepted text, in UTF-16 code units (≈ bytes for JSON). */
  maxBytes: number;
  /** Deepest accepted nesting of arrays and objects (the top level is depth 1). */
  maxDepth: number;
}

/** annotations.json and its backups: far above any real file (20,000 notes ≈ 11 MB, depth 6). */
export const ANNOTATION_FILE_LIMITS: JsonLimits = { maxBytes: 512 * 1024 * 1024, maxDepth: 64 };

/** The text is not acceptable JSON; `reason` says why in one line. */
export class JsonLimitError extends Error {
  readonly code = 'json-limit';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JsonLimitError';
  }
}

/** The deepest nesting of `[`/`{` outside strings, stopping early once past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Parses `text` as JSON within `limits`; throws JsonLimitError (too big, too deep) or SyntaxError. */
export function parseBoundedJson(text: string, limits: JsonLimits): unknown {
  if (text.length > limits.maxBytes) {
    throw new JsonLimitError(`the file is too large (${text.length} bytes; the limit is ${limits.maxBytes})`);
  }
  const depth = jsonDepth(text, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new JsonLimitError(`the file is nested too deeply (more than ${limits.maxDepth} levels)`);
  }
  return JSON.parse(text) as unknown;
}
