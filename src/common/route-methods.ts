import type { Application } from 'express';
import { METHODS } from 'node:http';

/** What this reads of Express's router (router 2): a route's layer, its path matchers and its methods. */
interface RouteLayer {
  route?: { methods?: Record<string, boolean> };
  matchers?: ((path: string) => unknown)[];
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods the application's routes take at a path (`GET, HEAD` for `/agreements`: HEAD wherever GET is, as
 * Express answers it), for the Allow header of a 405; empty when no route serves the path. Read from Express's
 * router, which holds every route Nest registered (and the middleware it mounted for every method, passed over);
 * an address it cannot decode is served by none.
 */
export function routeMethods(app: Application, path: string): string[] {
  const stack = (app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  const matches = (match: (path: string) => unknown) => {
    try {
      return Boolean(match(path));
    } catch {
      return false;
    }
  };
  for (const layer of stack) {
    const taken = layer.route?.methods;
    // A route of every method is a middleware Nest mounted for all of them (`forRoutes('*')`), not a page.
    if (!taken || taken._all || METHODS.every((method) => taken[method.toLowerCase()])) continue;
    if (layer.matchers?.some(matches))
      for (const [method, on] of Object.entries(taken)) if (on) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
