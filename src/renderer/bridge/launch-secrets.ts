/** The per-run secrets browser mode hands the page (see src/host/server.ts). */
export interface LaunchSecrets {
  token: string;
  evidenceKey: string;
}

const STORAGE_KEY = 'anchor.launch';

/**
 * Takes the secrets from the launch link's fragment (#anchor-token=…&anchor-evidence=…), keeps
 * them in sessionStorage (per tab and per origin, port included) so reloads keep working, and
 * removes them from the address bar. Returns undefined when the page was not opened from the link.
 */
export function takeLaunchSecrets(
  location: Location = window.location,
  storage: Storage = sessionStorage,
): LaunchSecrets | undefined {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('anchor-token');
  const evidenceKey = fragment.get('anchor-evidence');
  if (token && evidenceKey) {
    storage.setItem(STORAGE_KEY, JSON.stringify({ token, evidenceKey }));
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return { token, evidenceKey };
  }
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<LaunchSecrets> | null;
    return saved?.token && saved.evidenceKey ? { token: saved.token, evidenceKey: saved.evidenceKey } : undefined;
  } catch {
    return undefined;
  }
}
