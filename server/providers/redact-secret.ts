/**
 * Removes an API key from text that may reach a log, the database or the UI. Endpoints do echo keys back
 * ("Incorrect API key provided: sk-…"), so every message a provider produces passes through here.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  // Very short "keys" (placeholders such as "x") would shred ordinary words; real keys are long.
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted key]');
}
