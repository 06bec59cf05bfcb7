import { httpProblem } from './describeError';

/**
 * <img>, <audio> and <video> report "could not load" without saying whether the file is missing
 * or undecodable. Asking for its first byte tells the two apart cheaply, so the error alert can
 * say which it is. Resolves to a problem sentence when the file cannot be fetched, else undefined.
 */
export async function probeUrl(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' } });
    await response.body?.cancel();
    if (!response.ok) return httpProblem(response.status);
    return undefined;
  } catch {
    return 'the file could not be reached.';
  }
}
