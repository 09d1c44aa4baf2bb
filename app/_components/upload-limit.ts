/**
 * The largest upload request the dashboard takes: Next's proxy buffers a request body up to 10 MB and cuts the rest,
 * which reached the server as "Unterminated string in JSON". Checked in the browser before sending, on the encoded
 * request (a JSONL file's quotes are escaped, so it grows), with the way round the limit.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Null when `text` fits in one upload; else the message to show (naming the CLI command that has no limit). */
export function uploadTooLarge(fileName: string, text: string, cli: string): string | null {
  const bytes = new TextEncoder().encode(JSON.stringify(text)).length;
  if (bytes <= MAX_UPLOAD_BYTES - 64 * 1024) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `${fileName} is ${mb(bytes)} MB as an upload; the dashboard takes at most ${mb(MAX_UPLOAD_BYTES)} MB. Import it from the command line instead (no size limit): ${cli}`;
}
