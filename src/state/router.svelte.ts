/**
 * @fileoverview The current hash route as reactive state.
 */
import { parseHash, type Route } from './routes';

export class Router {
  route: Route = $state(parseHash(location.hash));

  /** Starts following `hashchange`; returns the function that stops it. */
  listen(): () => void {
    const onChange = () => (this.route = parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }
}
