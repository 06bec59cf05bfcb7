import type { Role } from '../../shared/contract/hub-api';

/** The signed-in caller of a request, as established from its access token. */
export interface Principal {
  userId: string;
  username: string;
  roles: readonly Role[];
  sessionId: string;
  /** When the access token that authenticated this request stops working (epoch ms). */
  accessExpiresAt: number;
}

/** True when the caller holds any of the roles. A user's privileges are the union of their roles. */
export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** Admins and committee chairs may read any packet and score; everyone else only what is theirs. */
export function seesEverything(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'chair');
}
