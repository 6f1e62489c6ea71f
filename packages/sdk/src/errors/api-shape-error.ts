import { PivotkitError, type RequestSummary } from './pivotkit-error.js';

/** One problem found in a reply: where (a dotted path such as `data.0.module`) and what. */
export interface ShapeIssue {
  path: string;
  message: string;
}

/**
 * The service answered, but not in the shape the contract describes (or not with JSON at all).
 * `path` names the first place that failed, e.g. `data.0.data.verdicts.docs.1.disposition`.
 */
export class ApiShapeError extends PivotkitError {
  override name = 'ApiShapeError' as const;
  constructor(
    readonly request: RequestSummary,
    /** The first failing path in the reply; `''` when the body was not JSON. */
    readonly path: string,
    readonly issues: ShapeIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `Unexpected reply to ${request.method} ${request.path}: ` +
        (issues[0] ? `${path || '(root)'}: ${issues[0].message}` : 'no issues') +
        (issues.length > 1 ? ` (and ${issues.length - 1} more)` : '') +
        '. The service may have changed; please report it.',
      options,
    );
  }
  override toJSON() {
    return { ...super.toJSON(), request: this.request, path: this.path, issues: this.issues };
  }
}
