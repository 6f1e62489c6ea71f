import { PivotkitError, type RequestSummary } from './pivotkit-error.js';

/** The service did not answer within the client's `timeout`. */
export class TimeoutError extends PivotkitError {
  override name = 'TimeoutError' as const;
  constructor(
    readonly request: RequestSummary,
    readonly timeoutMs: number | undefined,
    /** What did not answer, when it is not a request (e.g. the token provider). */
    what?: string,
  ) {
    super(
      `Timed out: ${what ?? `${request.method} ${request.path} on ${request.host}`} got no answer` +
        (timeoutMs ? ` within ${timeoutMs} ms` : '') +
        '. Try again, or raise the client timeout.',
    );
  }
  override toJSON() {
    return { ...super.toJSON(), request: this.request, timeoutMs: this.timeoutMs };
  }
}
