import { HttpStatusError } from './http-status-error.js';
import type { RequestSummary } from './pivotkit-error.js';

/** 404: the entity does not exist, or this client may not see it. */
export class NotFoundError extends HttpStatusError {
  override name = 'NotFoundError' as const;
  constructor(request: RequestSummary) {
    super(
      404,
      `Not found: ${request.method} ${request.path} (it was deleted, or this client may not see it).`,
      request,
    );
  }
}
