/**
 * Redaction for request logs: credentials, tokens and form bodies never reach a log line.
 * @module
 */

export const REDACTED = '[REDACTED]';

/**
 * Parameter names that hold credentials, matched as words inside the name, in any case and in any nesting
 * (`api_key`, `apiKey`, `x-api-token`, `clientSecret`, `access_token[]`, `filter[Authorization]`, `jwt`, `pwd`…).
 */
const SECRET_NAME =
  /(?:^|[^a-z])(?:(?:api|app|client|private|session|access|refresh|id|bearer|auth)?[-_]?(?:key|secret|token|password|passwd|pwd|pass|jwt|credentials?|signature|sig|assertion|cookie|authorization|auth)|code|otp)(?:$|[^a-z])/i;
/** A value that is a JWT whatever its parameter is called. */
const JWT_VALUE = /^eyJ[\w-]+\.[\w-]+\./;

/** Whether a query parameter name (or any bracketed part of it) names a credential. */
export function isSecretName(name: string): boolean {
  // camelCase words are split so that `clientSecret` and `apiKey` read as `client_Secret`, `api_Key`.
  return SECRET_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
}

/** A path with its query, with secret-looking query parameters replaced. */
export function redactUrl(url: string): string {
  const u = new URL(url, 'http://x');
  for (const k of [...new Set(u.searchParams.keys())]) {
    if (isSecretName(k) || u.searchParams.getAll(k).some((v) => JWT_VALUE.test(v))) u.searchParams.set(k, REDACTED);
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
