import { useSyncExternalStore } from 'react';

/** The admin's sections, one per kind of thing the hub keeps. */
export const ADMIN_SECTIONS = ['windows', 'packets', 'users', 'assignments', 'qualifications'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { screen: 'library' }
  | { screen: 'admin'; section: AdminSection }
  | { screen: 'hub'; startDemo?: boolean }
  | { screen: 'conflict'; scoreId: string }
  | { screen: 'packet'; packetId: string; itemId?: string }
  | { screen: 'norming'; sessionId: string }
  | { screen: 'window'; windowId: string }
  | { screen: 'scorers'; windowId: string }
  | { screen: 'back-reading'; windowId: string; packetId?: string }
  | { screen: 'audit' }
  | { screen: 'adjudication'; windowId: string; adjudicationId: string }
  | { screen: 'adjudication-score'; windowId: string; adjudicationId: string; itemId?: string }
  | { screen: 'decision'; windowId: string; packetId: string }
  | { screen: 'my-norming' }
  | { screen: 'my-norming-session'; sessionId: string }
  | { screen: 'my-norming-score'; sessionId: string; packetId: string; itemId?: string };

/** Parses the hash: #/ (library), #/hub, #/hub/demo (start the local demo hub), #/conflict/<scoreId>, #/norming/<sessionId> (the facilitator's board), #/packet/<id>, #/packet/<id>/<itemId>. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'packet' && parts[1]) return { screen: 'packet', packetId: parts[1], itemId: parts[2] };
  if (parts[0] === 'hub') return parts[1] === 'demo' ? { screen: 'hub', startDemo: true } : { screen: 'hub' };
  if (parts[0] === 'conflict' && parts[1]) return { screen: 'conflict', scoreId: parts[1] };
  // #/admin, #/admin/<section>: the admin's screens (windows first).
  if (parts[0] === 'admin') {
    const section = ADMIN_SECTIONS.find((s) => s === parts[1]) ?? 'windows';
    return { screen: 'admin', section };
  }
  if (parts[0] === 'norming' && parts[1]) return { screen: 'norming', sessionId: parts[1] };
  // #/windows/<windowId>/scorers: the scorer quality of one review window.
  if (parts[0] === 'windows' && parts[1] && parts[2] === 'scorers') return { screen: 'scorers', windowId: parts[1] };
  // #/windows/<windowId>/back-reading[/<packetId>]: back-reading a window's scored packets (lead, chair, admin).
  if (parts[0] === 'windows' && parts[1] && parts[2] === 'back-reading')
    return parts[3]
      ? { screen: 'back-reading', windowId: parts[1], packetId: parts[3] }
      : { screen: 'back-reading', windowId: parts[1] };
  // #/windows/<windowId>/adjudications/<adjudicationId>/score[/<itemId>]: resolving it in the scoring screen.
  if (parts[0] === 'windows' && parts[1] && parts[2] === 'adjudications' && parts[3] && parts[4] === 'score')
    return { screen: 'adjudication-score', windowId: parts[1], adjudicationId: parts[3], itemId: parts[5] };
  // #/windows/<windowId>/adjudications/<adjudicationId>: one adjudication's summary.
  if (parts[0] === 'windows' && parts[1] && parts[2] === 'adjudications' && parts[3])
    return { screen: 'adjudication', windowId: parts[1], adjudicationId: parts[3] };
  // #/windows/<windowId>/packets/<packetId>/decision: the chair's decision on one packet.
  if (parts[0] === 'windows' && parts[1] && parts[2] === 'packets' && parts[3] && parts[4] === 'decision')
    return { screen: 'decision', windowId: parts[1], packetId: parts[3] };
  // #/windows/<windowId>: the chair's dashboard of one review window.
  if (parts[0] === 'windows' && parts[1]) return { screen: 'window', windowId: parts[1] };
  // #/audit: the audit trail (chair, admin).
  if (parts[0] === 'audit') return { screen: 'audit' };
  // A participant's side: #/my-norming, #/my-norming/<sessionId>, #/my-norming/<sessionId>/score/<packetId>[/<itemId>]
  // (#/norming/<sessionId> is the facilitator's board).
  if (parts[0] === 'my-norming') {
    if (parts[1] && parts[2] === 'score' && parts[3])
      return { screen: 'my-norming-score', sessionId: parts[1], packetId: parts[3], itemId: parts[4] };
    return parts[1] ? { screen: 'my-norming-session', sessionId: parts[1] } : { screen: 'my-norming' };
  }
  return { screen: 'library' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'library':
      return '#/';
    case 'admin':
      return route.section === 'windows' ? '#/admin' : `#/admin/${route.section}`;
    case 'hub':
      return route.startDemo ? '#/hub/demo' : '#/hub';
    case 'conflict':
      return `#/conflict/${encodeURIComponent(route.scoreId)}`;
    case 'norming':
      return `#/norming/${encodeURIComponent(route.sessionId)}`;
    case 'window':
      return `#/windows/${encodeURIComponent(route.windowId)}`;
    case 'scorers':
      return `#/windows/${encodeURIComponent(route.windowId)}/scorers`;
    case 'back-reading':
      return `#/windows/${encodeURIComponent(route.windowId)}/back-reading${route.packetId ? `/${encodeURIComponent(route.packetId)}` : ''}`;
    case 'audit':
      return '#/audit';
    case 'adjudication':
      return `#/windows/${encodeURIComponent(route.windowId)}/adjudications/${encodeURIComponent(route.adjudicationId)}`;
    case 'adjudication-score':
      return `#/windows/${encodeURIComponent(route.windowId)}/adjudications/${encodeURIComponent(route.adjudicationId)}/score${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
    case 'decision':
      return `#/windows/${encodeURIComponent(route.windowId)}/packets/${encodeURIComponent(route.packetId)}/decision`;
    case 'my-norming':
      return '#/my-norming';
    case 'my-norming-session':
      return `#/my-norming/${encodeURIComponent(route.sessionId)}`;
    case 'my-norming-score':
      return `#/my-norming/${encodeURIComponent(route.sessionId)}/score/${encodeURIComponent(route.packetId)}${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
    case 'packet':
      return `#/packet/${encodeURIComponent(route.packetId)}${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current route; hash routing keeps app:// and browser mode identical and reload-safe. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
