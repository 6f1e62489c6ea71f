import { PivotkitError, type RequestSummary } from './pivotkit-error.js';

/** The request did not get a response: host unreachable, connection reset, DNS or CORS failure. */
export class NetworkError extends PivotkitError {
  override name = 'NetworkError' as const;
  constructor(
    readonly request: RequestSummary,
    options?: { cause?: unknown },
  ) {
    super(
      `Network error: ${request.method} ${request.path} on ${request.host} got no response. ` +
        'Check the connection, the region or base URL, and (in a browser) CORS.',
      options,
    );
  }
  override toJSON() {
    return { ...super.toJSON(), request: this.request };
  }
}
