import { PivotkitError } from './pivotkit-error.js';

/**
 * The caller aborted the call through its `signal`. Named `AbortError`, like the DOM's, so existing
 * `e.name === 'AbortError'` checks keep working. `cause` holds the signal's reason.
 */
export class AbortError extends PivotkitError {
  override name = 'AbortError' as const;
  constructor(options?: { cause?: unknown }) {
    super('The call was aborted.', options);
  }
}
