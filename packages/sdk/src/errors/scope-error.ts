import { HttpStatusError } from './http-status-error.js';
import type { RequestSummary } from './pivotkit-error.js';

/** 403 `missing_scope`: the token lacks a scope the route needs; ask an admin to grant `missingScopes`. */
export class ScopeError extends HttpStatusError {
  override name = 'ScopeError' as const;
  constructor(
    readonly missingScopes: string[],
    readonly requiredScopes: string[],
    request: RequestSummary,
  ) {
    super(
      403,
      `Not allowed: ${request.method} ${request.path} needs the scope${missingScopes.length === 1 ? '' : 's'} ` +
        `${missingScopes.join(', ') || '(unnamed)'}, which this API client was not granted. ` +
        'Add them to the client in the Threat Response / XDR API client settings.',
      request,
      'missing_scope',
    );
  }
  override toJSON() {
    return { ...super.toJSON(), missingScopes: this.missingScopes, requiredScopes: this.requiredScopes };
  }
}
