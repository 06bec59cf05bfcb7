import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Role } from '../../shared/contract/hub-api';
import type { Principal } from '../auth/principal';
import type { HubContext } from '../context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, anyone signed in, or holders of one of the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

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

/** How a response is documented in the OpenAPI document. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  mediaType?: string;
}

export interface RouteSpec<A extends Access, B extends z.ZodType | undefined, P extends ParamSchemas> {
  method: Method;
  /** OpenAPI-style template, e.g. /api/v1/packets/{packetId}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: A;
  /** Path parameters; a value that fails its schema names nothing, so the route answers 404. */
  params?: P;
  body?: B;
  /** A raw (non-JSON) request body, documented by media type. */
  rawBody?: { mediaType: string; description: string };
  queryDocs?: Record<string, { description: string; required?: boolean }>;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<A, B, P>): Promise<Reply | void>;
}

/** A route with its types erased, as the router and the OpenAPI generator hold it. */
export interface Route {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: ParamSchemas;
  body?: z.ZodType;
  rawBody?: { mediaType: string; description: string };
  queryDocs?: Record<string, { description: string; required?: boolean }>;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<Access, z.ZodType | undefined, ParamSchemas>): Promise<Reply | void>;
}

/** Declares a route with its types checked against its own access, body and parameters. */
export function defineRoute<
  const A extends Access,
  B extends z.ZodType | undefined = undefined,
  P extends ParamSchemas = Record<never, never>,
>(spec: RouteSpec<A, B, P>): Route {
  return spec as unknown as Route;
}
