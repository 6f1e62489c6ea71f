import type { ReactiveControllerHost } from 'lit';
import type { Observable, PivotkitClient, ResponseAction, TriggerResult } from '@pivotkit/sdk';
import { PkResponseTriggeredEvent } from '../../events/response-triggered.js';
import type { SharedStrings } from '../../i18n/index.js';
import { caseChanges } from '../../state/case-changes.js';

/** What the response flow needs from the menu. */
export interface ResponseFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly observable: Observable | undefined;
  readonly effectiveClient: PivotkitClient | undefined;
  /** The strings for the menu's language. */
  readonly strings: SharedStrings;
  /** The current case, where a note of each action goes. */
  readonly currentCaseId: string | null;
  /** Shows and announces a result. */
  say(text: string): void;
  /** The offer changed: ask for the actions again. */
  refreshActions(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A response action, from the user's choice to the record: confirm (in `<pk-dialog>`), trigger, show the result
 * on the item, fire `pk-response-triggered`, ask for the new offer, and add a note to the current case.
 */
export class ResponseFlow {
  /** The action waiting for confirmation, if any. */
  pending: ResponseAction | undefined;
  /** The id of the action running now ('' when none). */
  busy = '';
  /** Outcomes of this open, by action id. */
  results = new Map<string, TriggerResult>();

  constructor(private host: ResponseFlowHost) {}

  /** Starts over (the menu opened or closed). */
  reset(): void {
    this.pending = undefined;
    this.results = new Map();
    this.host.requestUpdate();
  }

  /** Asks for confirmation of `action`. */
  ask(action: ResponseAction): void {
    this.pending = action;
    this.host.requestUpdate();
  }

  /** The user answered the confirmation. */
  answer(confirmed: boolean): void {
    const action = this.pending;
    this.pending = undefined;
    this.host.requestUpdate();
    if (confirmed && action) void this.trigger(action);
  }

  async trigger(action: ResponseAction): Promise<void> {
    const host = this.host;
    const client = host.effectiveClient;
    const o = host.observable;
    if (!client || !o) return;
    const t = host.strings;
    this.busy = action.id;
    host.say(t.running(action.title));
    let result: TriggerResult;
    try {
      result = await client.response.trigger(action);
    } catch (e) {
      result = {
        status: 'failure',
        errors: [
          {
            module: action.module,
            moduleInstanceId: action.moduleInstanceId,
            moduleTypeId: action.moduleTypeId,
            code: 'request-failed',
            message: message(e),
            type: 'error',
          },
        ],
      };
    } finally {
      this.busy = '';
    }
    this.results = new Map(this.results).set(action.id, result);
    const summary = result.status === 'success' ? t.actionSucceeded(action.title) : t.actionFailed(action.title);
    const detail = result.errors.map((e) => e.message).join('; ');
    const said = detail ? t.withDetail(summary, detail) : summary;
    host.say(said);
    host.dispatchEvent(new PkResponseTriggeredEvent({ observable: o, action, result }));
    // A blocked domain offers "Unblock": ask again. Items are updated in place, so the focused item keeps focus.
    if (result.status === 'success') host.refreshActions();
    const caseId = host.currentCaseId;
    if (caseId && client.can('casebook')) {
      const text = t.actionNote({
        who: client.session?.clientId ?? t.unknownClient,
        what: t.actionWhat(action.title, action.module, o),
        when: new Date().toISOString(),
        result: detail ? t.withDetail(result.status, detail) : result.status,
      });
      try {
        const c = await client.casebooks.addTexts(caseId, [{ type: 'note', text }]);
        caseChanges.emit({ caseId, kind: 'texts', casebook: c });
      } catch (e) {
        host.say(t.withDetail(said, t.noteFailed(message(e))));
      }
    }
  }
}
