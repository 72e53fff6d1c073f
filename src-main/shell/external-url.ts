/** Which links may leave the app: only well-formed http(s) URLs (no file:, javascript:, custom schemes). */

/** True for an http: or https: URL with a host and no credentials. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && !url.username && !url.password;
}
