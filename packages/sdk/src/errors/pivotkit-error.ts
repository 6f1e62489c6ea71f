/**
 * What an error says about the request that failed: never headers, body or query string, so a token or a
 * client secret cannot ride along.
 */
export interface RequestSummary {
  method: string;
  /** The URL path only, e.g. `/iroh/iroh-enrich/deliberate/observables`. */
  path: string;
  /** The host the request went to, e.g. `visibility.amp.cisco.com`. */
  host: string;
}

/**
 * Base class of every error the SDK throws. Its JSON form lists only the fields declared by the subclass.
 * @example if (isPivotkitError(e)) showToast(e.message);
 */
export class PivotkitError extends Error {
  override name: string = 'PivotkitError';

  /** The fields shown by `JSON.stringify(error)`: name, message and what the subclass adds. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}
