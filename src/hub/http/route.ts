import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  HUB_ROUTES,
  type HubAccess,
  type HubMethod,
  type HubRouteId,
  type HubRouteSpec,
  type HubRoutes,
} from '../../shared/contract/hub-routes';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';

export type Method = HubMethod;
export type Access = HubAccess;

type ParamSchemas = Record<string, z.ZodType<string>>;

/** What a handler gets: the request, the caller, typed path parameters and a body reader. */
export interface RouteContext<A extends Access, B extends z.ZodType | undefined, P extends ParamSchemas> {
  hub: HubContext;
  req: IncomingMessage;
  res: ServerResponse;
  principal: A extends 'public' ? undefined : Principal;
  params: { [K in keyof P]: z.output<P[K]> };
  query: URLSearchParams;
  /** The client's address, for sign-in throttling. */
  address: string;
  /** True for HEAD: answer as for GET, without a body and without side effects. */
  head: boolean;
  /** Reads and validates the JSON body against the route's schema (415/413/400 otherwise). */
  body: B extends z.ZodType ? () => Promise<z.output<B>> : undefined;
}

/** A JSON answer; a handler that streams (evidence, events) writes `res` itself and returns nothing. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A route of the shared table with the hub's handler for it, as the router holds it. */
export interface Route extends HubRouteSpec {
  operationId: HubRouteId;
  handle(ctx: RouteContext<Access, z.ZodType | undefined, ParamSchemas>): Promise<Reply | void>;
}

type Spec<K extends HubRouteId> = HubRoutes[K];
type AccessOf<S> = S extends { access: infer A extends Access } ? A : never;
type BodyOf<S> = S extends { body: infer B extends z.ZodType } ? B : undefined;
type ParamsOf<S> = S extends { params: infer P extends ParamSchemas } ? P : Record<never, never>;

/** The context a handler of this table entry gets, typed from the entry's access, body and parameters. */
export type ContextOf<K extends HubRouteId> = RouteContext<AccessOf<Spec<K>>, BodyOf<Spec<K>>, ParamsOf<Spec<K>>>;

/**
 * The hub's handler for one entry of the route table (src/shared/contract/hub-routes.ts): the
 * method, path, access rule and schemas come from the table, only the behaviour from here.
 */
export function implementRoute<K extends HubRouteId>(
  id: K,
  handle: (ctx: ContextOf<K>) => Promise<Reply | void>,
): Route {
  return { ...(HUB_ROUTES[id] as HubRouteSpec), operationId: id, handle: handle as Route['handle'] };
}
