/**
 * Checks the shape of an OpenAI-compatible base URL before anything is sent, with the fix when there is an obvious
 * one: nearly every server serves the API under a version segment (".../v1", Google's ".../v1beta/openai"), and a
 * pasted request URL ends in "/chat/completions". Returns null for a URL that looks right.
 */
export function endpointUrlProblem(baseUrl: string): { message: string; suggestion?: string } | null {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return { message: 'not a URL: it starts with http:// or https://, e.g. http://127.0.0.1:11434/v1' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { message: `must be http:// or https://, not ${url.protocol}//` };
  const path = url.pathname.replace(/\/+$/, '');
  const base = `${url.origin}${path}`;
  const request = /\/(chat\/completions|completions|responses|models)$/.exec(path);
  if (request) {
    const suggestion = base.slice(0, base.length - request[0].length);
    return { message: `this is a request URL (…/${request[1]}): give the base, up to the version`, suggestion };
  }
  const versioned = path.split('/').some((segment) => /^v\d+(beta|alpha)?\d*$/i.test(segment)) || /\/openai$/i.test(path);
  if (!versioned) return { message: 'has no version segment: OpenAI-compatible servers usually answer under /v1', suggestion: `${base}/v1` };
  return null;
}
