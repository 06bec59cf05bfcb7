/**
 * The renderer's Content-Security-Policy, sent by both the app:// protocol and browser mode.
 * Do not loosen without review: no 'unsafe-eval' (pdf.js runs with isEvalSupported=false),
 * no plugins, no framing. Styles allow inline because video.js and pdf.js set element styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: evidence:",
  "media-src 'self' blob: evidence:",
  "connect-src 'self' evidence:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app shell carries. */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // The video player's fullscreen button, for this origin only (no frame or other origin).
  'Permissions-Policy': 'fullscreen=(self)',
};
