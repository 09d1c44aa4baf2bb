/**
 * One line for a failure to reach or use PostgreSQL, naming what is wrong; the URL is shown without its password.
 * node-postgres reports socket errors by `code` (ECONNREFUSED…) and server errors by SQLSTATE (28P01…).
 */
export function describePgError(error: unknown, url: string): string {
  const where = redactUrl(url);
  const e = driverError(error);
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${where}: connection refused (is the server running, on that host and port?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach PostgreSQL at ${where}: unknown host`;
    case 'ETIMEDOUT':
      return `cannot reach PostgreSQL at ${where}: connection timed out`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the credentials: ${e.message}`;
    case '3D000':
      return `PostgreSQL at ${where}: ${e.message} (create it first, e.g. createdb)`;
    default:
      if (/timeout/i.test(e.message ?? '')) return `cannot reach PostgreSQL at ${where}: ${e.message}`;
      return `PostgreSQL at ${where}: ${e.message ?? String(error)}`;
  }
}

/** The URL with its password replaced, fit for a message or a log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * The code of the driver's error behind wrappers, with the most telling message: drizzle reports a failed statement
 * as "Failed query: <sql>" with the node-postgres error (which has the code) as its cause, and that wrapper's text says
 * nothing a person needs; our own wrappers (e.g. "checking foreign key …: <cause>") keep their message.
 */
function driverError(error: unknown): { code?: string; message?: string } {
  const outer = (error ?? {}) as { code?: string; message?: string; cause?: unknown };
  let current: typeof outer | undefined = outer;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.code) {
      const message = outer.message && !outer.message.startsWith('Failed query') ? outer.message : current.message;
      return { code: current.code, message };
    }
    current = current.cause as typeof outer | undefined;
  }
  return outer;
}
