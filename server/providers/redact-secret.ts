/** Leading characters of a key that identify it (past family prefixes such as "sk-proj-"): a prefix this long (a key cut at a message's edge) is redacted too. */
export const KEY_PREFIX_CHARS = 12;

/**
 * Removes an API key from text that may reach a log, the database or the UI. Endpoints do echo keys back
 * ("Incorrect API key provided: sk-…"), and may echo them in an answer; a message shortened for display may cut a
 * key in the middle, so any run of at least KEY_PREFIX_CHARS leading characters of the key goes as well.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  // Very short "keys" (placeholders such as "x") would shred ordinary words; real keys are long.
  if (!secret || secret.length < 4) return text;
  let out = text.split(secret).join('[redacted key]');
  if (secret.length <= KEY_PREFIX_CHARS) return out;
  const head = secret.slice(0, KEY_PREFIX_CHARS);
  for (let at = out.indexOf(head); at !== -1; at = out.indexOf(head, at + 1)) {
    let end = at + KEY_PREFIX_CHARS;
    while (end < out.length && end - at < secret.length && out[end] === secret[end - at]) end++;
    out = `${out.slice(0, at)}[redacted key]${out.slice(end)}`;
  }
  return out;
}

/** The bearer token a request carries (what a response must never hand back), if any. */
export function bearerOf(headers: Record<string, string>): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers['authorization'] ?? '')?.[1];
}
