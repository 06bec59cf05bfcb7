import { APP_ORIGIN } from '../bridge/sender-check';

/** The one permission the app's pages may use: the video player's fullscreen button. */
const GRANTED_TO_THE_APP: ReadonlySet<string> = new Set(['fullscreen']);

/** Whether a URL or origin is the app's own (app://anchor). Node gives non-special schemes the origin "null", so it is compared by text. */
export function isAppOrigin(urlOrOrigin: string | undefined): boolean {
  return urlOrOrigin === APP_ORIGIN || (urlOrOrigin?.startsWith(`${APP_ORIGIN}/`) ?? false);
}

/**
 * Deny by default: a permission is granted only if it is fullscreen and asked for by the app's
 * own origin. Camera, microphone, notifications, geolocation, clipboard, anything from evidence://
 * or a page that somehow loaded from elsewhere: refused. Electron's request handler passes the
 * requesting URL, its check handler the requesting origin; both come here.
 */
export function allowPermission(permission: string, requestingUrlOrOrigin: string | undefined): boolean {
  return GRANTED_TO_THE_APP.has(permission) && isAppOrigin(requestingUrlOrOrigin);
}
