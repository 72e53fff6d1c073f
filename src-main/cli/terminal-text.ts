/**
 * Text from article files (titles, authors, file names, paragraphs, notes) made safe for a
 * terminal. An ESC in a title could set the window title, write the clipboard (OSC 52), recolour
 * or rewrite the screen (ECMA-48 control functions); C1 controls (U+0080–U+009F) act as 8-bit
 * introducers on some terminals; CR lets a line overwrite what was printed before it.
 */

// C0 except TAB and LF, DEL, and C1: matching control characters is this regex's whole job.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Replaces every control character except `\n` and `\t` with a visible stand-in: C0 and DEL
 * with their Unicode Control Pictures (ESC → ␛, so the user sees something was there), C1
 * with U+FFFD.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/**
 * JSON for a terminal: `JSON.stringify` already escapes C0 (as `\u001b`), but leaves DEL and C1
 * raw; escaping them too keeps the same value for any JSON reader.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
