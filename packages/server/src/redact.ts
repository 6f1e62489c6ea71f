/**
 * Redaction for request logs: credentials, tokens and form bodies never reach a log line.
 * @module
 */

export const REDACTED = '[REDACTED]';

const SECRET_PARAMS = /^(access_token|refresh_token|id_token|token|client_secret|code|password|secret|assertion)$/i;

/** A path with its query, with secret-looking query parameters replaced. */
export function redactUrl(url: string): string {
  const u = new URL(url, 'http://x');
  for (const k of [...new Set(u.searchParams.keys())]) {
    if (SECRET_PARAMS.test(k)) u.searchParams.set(k, REDACTED);
  }
  const q = u.searchParams.toString();
  return `${u.pathname}${q ? `?${q}` : ''}`;
}

/** `Bearer [REDACTED]`, `Basic [REDACTED]`: the scheme stays, the credential goes. */
export function redactAuthorization(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const scheme = value.trim().split(/\s+/)[0] ?? '';
  return /^[A-Za-z-]+$/.test(scheme) && value.trim().includes(' ') ? `${scheme} ${REDACTED}` : REDACTED;
}

/** A one-line summary of a request and its answer that is safe to log. */
export function requestLogLine(
  req: { method: string; url: string; headers: Headers },
  status: number,
  ms: number,
  note?: string,
): string {
  const parts = [new Date().toISOString(), req.method, redactUrl(req.url), String(status), `${Math.round(ms)}ms`];
  const auth = redactAuthorization(req.headers.get('authorization'));
  if (auth) parts.push(`authorization="${auth}"`);
  const origin = req.headers.get('origin');
  if (origin) parts.push(`origin=${JSON.stringify(origin)}`);
  const type = req.headers.get('content-type');
  if (type?.includes('application/x-www-form-urlencoded')) parts.push(`body=${REDACTED}`);
  if (note) parts.push(note);
  return parts.join(' ');
}
