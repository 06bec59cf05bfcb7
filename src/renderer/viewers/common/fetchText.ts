import { HttpError } from './describeError';

export interface FetchedText {
  text: string;
  /** Set when the bytes were not valid UTF-8 and we fell back to another encoding. */
  fallbackEncoding?: string;
}

/**
 * Fetches a text file. Evidence is meant to be UTF-8, but spreadsheets exported on Windows are
 * often Windows-1252; decoding those as UTF-8 would sprinkle U+FFFD through names, so we try
 * strict UTF-8 first and fall back rather than show mojibake.
 */
export async function fetchText(url: string, signal: AbortSignal): Promise<FetchedText> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new HttpError(response.status);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), fallbackEncoding: 'Windows-1252' };
  }
}
