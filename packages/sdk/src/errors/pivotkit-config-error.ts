import { PivotkitError } from './pivotkit-error.js';

/** The client options are wrong (thrown by `createClient`, before any request). */
export class PivotkitConfigError extends PivotkitError {
  override name = 'PivotkitConfigError' as const;
  constructor(message: string) {
    super(`[@pivotkit/sdk] ${message}`);
  }
}
