/**
 * Returns a re-serialized https URL that is safe to hand to the operating system, or undefined.
 * Only plain https without embedded credentials qualifies: file:, javascript:, custom schemes
 * and smuggled user:pass@ hosts are refused. Security-critical, do not change without review.
 */
export function safeExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return undefined;
  return url.toString();
}
