import { isLoopbackHost } from './host-check';

/**
 * Refuses to bind beyond loopback without protection: a dashboard on 0.0.0.0 without SAWTOOTH_AUTH_TOKEN lets
 * anyone on the network start paid runs and read every answer. Returns the refusal, or a loud warning when the user
 * insisted with the override flag, or null when the bind is safe (loopback, or protected by a token).
 */
export function openBindCheck(opts: { host: string; protectedByToken: boolean; override: boolean; overrideFlag: string; what: string; remedy: string }):
  { refuse: string } | { warn: string } | null {
  if (isLoopbackHost(opts.host) || opts.protectedByToken) return null;
  const danger = `${opts.what} on ${opts.host} is reachable from the network without any authentication`;
  if (!opts.override) return { refuse: `--host ${opts.host}: ${danger}; ${opts.remedy}, or pass ${opts.overrideFlag} if you really mean it` };
  return { warn: `WARNING: ${danger} (${opts.overrideFlag}). Anyone who can reach it can use it.` };
}
