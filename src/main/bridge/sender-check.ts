/** The renderer's origin inside the Electron app (served by the app:// protocol). */
export const APP_ORIGIN = 'app://anchor';

export interface SenderFacts {
  /** URL of the frame that sent the IPC message. */
  frameUrl: string | undefined;
  /** Whether that frame is the top-level frame of its window. */
  isMainFrame: boolean;
}

/**
 * Decides whether an IPC message may be handled: only the app's own top-level frame,
 * loaded from app://anchor, may call the bridge. Returns the reason for a refusal.
 * Security-critical, do not change without review (compare VS Code's validated ipcMain).
 */
export function senderRefusal({ frameUrl, isMainFrame }: SenderFacts): string | undefined {
  if (!isMainFrame) return 'sender is not the main frame';
  if (!frameUrl) return 'sender has no URL';
  let origin: string;
  try {
    const url = new URL(frameUrl);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return 'sender URL is malformed';
  }
  return origin === APP_ORIGIN ? undefined : `sender origin ${origin} is not ${APP_ORIGIN}`;
}
