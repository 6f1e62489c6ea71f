import { PivotkitError, type RequestSummary } from './pivotkit-error.js';

/** The service answered with an error status. `code` is the body's `error` field when it had one. */
export class HttpStatusError extends PivotkitError {
  override name: string = 'HttpStatusError';
  constructor(
    readonly status: number,
    message: string,
    readonly request: RequestSummary,
    /** The reply's `error` code (e.g. `unknown-exception`), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
  override toJSON() {
    return { ...super.toJSON(), status: this.status, code: this.code, request: this.request };
  }
}
