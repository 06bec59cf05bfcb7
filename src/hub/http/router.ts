import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasRole, type Principal } from '../auth/principal';
import type { HubContext } from '../context';
import { readJson } from './body';
import { ApiError } from './errors';
import { sendError, sendJson } from './respond';
import type { Route } from './route';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/**
 * Matches a request to one route and enforces its access rule before the handler runs:
 * 401 without a valid access token, 403 without a permitted role. Ownership is the handler's
 * job, and it answers 404 for what is not the caller's so that existence is not disclosed.
 */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(
    readonly routes: readonly Route[],
    private readonly hub: HubContext,
  ) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]!);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** Handles one request; false when no route has this path (the caller answers 404). */
  async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const candidates = this.compiled
      .map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) }))
      .filter((c) => c.match !== null);
    if (candidates.length === 0) return false;
    const head = req.method === 'HEAD';
    const method = head ? 'GET' : req.method;
    const found = candidates.find((c) => c.entry.route.method === method);
    if (!found || !found.match) {
      const allow = [...new Set(candidates.map((c) => c.entry.route.method))].join(', ');
      sendError(res, 405, 'method-not-allowed', `Use ${allow} on this path.`, { headers: { Allow: allow } });
      return true;
    }
    const { route, names } = found.entry;
    try {
      const principal = await this.authorize(req, route);
      const params: Record<string, string> = {};
      for (const [index, name] of names.entries()) {
        let value: string;
        try {
          value = decodeURIComponent(found.match[index + 1]!);
        } catch {
          throw new ApiError(404, 'not-found', 'No such resource.');
        }
        const schema = route.params?.[name];
        const parsed = schema ? schema.safeParse(value) : { success: true as const, data: value };
        if (!parsed.success) throw new ApiError(404, 'not-found', `No ${name} "${value}" exists.`);
        params[name] = parsed.data;
      }
      const reply = await route.handle({
        hub: this.hub,
        req,
        res,
        principal,
        params,
        query: url.searchParams,
        address: req.socket.remoteAddress ?? 'unknown',
        head,
        body: route.body ? () => readJson(req, route.body!, this.hub.bodyIdleMs) : undefined,
      });
      if (reply) sendJson(res, reply.status, reply.body, reply.headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (res.headersSent) {
        res.destroy();
        return true;
      }
      sendError(res, error.status, error.code, error.message, error.options);
    }
    return true;
  }

  private async authorize(req: IncomingMessage, route: Route): Promise<Principal | undefined> {
    if (route.access === 'public') return undefined;
    const header = req.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header)?.[1];
    const principal = token ? await this.hub.tokens.authenticate(token) : undefined;
    if (!principal) {
      throw new ApiError(401, 'unauthenticated', 'Sign in: send a valid access token as "Authorization: Bearer …".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="anchor-hub"' },
      });
    }
    if (route.access !== 'signed-in' && !hasRole(principal, ...route.access)) {
      throw new ApiError(403, 'forbidden', `This needs the ${route.access.join(' or ')} role.`);
    }
    return principal;
  }
}
