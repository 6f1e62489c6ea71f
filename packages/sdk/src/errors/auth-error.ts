import { PivotkitError } from './pivotkit-error.js';

/**
 * Sign-in failed (the token endpoint refused the credentials, or the token provider failed), or the service
 * still refused the token after one refresh. `code` is the OAuth2 `error` code when the server sent one.
 */
export class AuthError extends PivotkitError {
  override name = 'AuthError' as const;
  constructor(
    message: string,
    /** HTTP status of the refusal; undefined when the token provider failed. */
    readonly status?: number,
    /** OAuth2 error code, e.g. `invalid_client`. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  override toJSON() {
    return { ...super.toJSON(), status: this.status, code: this.code };
  }
}
