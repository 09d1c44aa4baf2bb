/**
 * DNS-rebinding and cross-site guards for a dashboard that runs without a token. A rebinding page reaches us under
 * its own host name (so the Host header names the attacker's domain); a cross-site page reaches us under ours but
 * sends its own Origin. Without a token, only loopback names and the host we were told we are bound to are ours.
 */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for names that only this machine can reach (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.has(h) || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header value (drops the port; keeps IPv6 brackets). */
function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

/** Why a request may not be served without a token, or null when it may. */
export function foreignRequestProblem(headers: { host: string | null; origin: string | null }, extraHosts: readonly string[]): string | null {
  if (!headers.host) return 'no Host header';
  const name = hostName(headers.host);
  const ours = isLoopbackHost(name) || extraHosts.some((h) => h.toLowerCase() === name);
  if (!ours) return `Host "${name}" is not this server's (set SAWTOOTH_ALLOWED_HOSTS or SAWTOOTH_AUTH_TOKEN to serve other names)`;
  if (headers.origin !== null) {
    let originHost: string;
    try {
      originHost = new URL(headers.origin).host.toLowerCase();
    } catch {
      return `Origin "${headers.origin}" is not a page of this server`;
    }
    if (originHost !== headers.host.trim().toLowerCase()) return `Origin "${headers.origin}" is not a page of this server`;
  }
  return null;
}
