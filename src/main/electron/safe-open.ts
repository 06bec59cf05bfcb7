import { shell } from 'electron';
import { safeExternalUrl } from '../services/safe-url';

/** The only caller of shell.openExternal (lint-enforced): https links, re-serialized, nothing else. */
export function openExternalSafely(raw: string): boolean {
  const url = safeExternalUrl(raw);
  if (!url) return false;
  void shell.openExternal(url);
  return true;
}
