import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../bridge/sender-check';
import { allowPermission } from './permission-policy';
import { openExternalSafely } from './safe-open';

/**
 * Deny-by-default guards for every web contents the app ever creates (compare Element Desktop).
 * Security-critical, do not change without review: navigation away from app://anchor, new
 * windows, webviews and every permission request are refused (except fullscreen for the app's own
 * origin, permission-policy.ts); https links open in the system browser through the safe opener.
 */
export function installSecurityGuards(log: (message: string, details?: Record<string, unknown>) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) {
        event.preventDefault();
        log('guard: blocked navigation', { url });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (!openExternalSafely(url)) log('guard: blocked window.open', { url });
      return { action: 'deny' };
    });
  });
  const guarded = session.defaultSession;
  guarded.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = allowPermission(permission, details.requestingUrl);
    if (!allowed) log('guard: denied permission', { permission, url: details.requestingUrl });
    callback(allowed);
  });
  guarded.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin),
  );
}
