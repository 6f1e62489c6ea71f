import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feature, PivotkitClient } from '@pivotkit/sdk';
import { session, type SessionState } from '../state/session.js';

/**
 * Gives an element the page's session: `.state`, `.client`, `.can(f)`, `.missingScopes(f)` and `.signIn()`.
 * The host re-renders on every change; `onChange` runs first (to start loading once signed in, say).
 */
export class SessionController implements ReactiveController {
  #off: (() => void) | undefined;

  constructor(
    private host: ReactiveControllerHost,
    private opts: { onChange?(state: SessionState): void } = {},
  ) {
    host.addController(this);
  }

  /** The session now. */
  get state(): SessionState {
    return session.get();
  }

  /** The configured client, if any. */
  get client(): PivotkitClient | undefined {
    return session.get().client;
  }

  /** Whether the session is signed in with the scopes `feature` needs. */
  can(feature: Feature): boolean {
    return session.can(feature);
  }

  /** The scopes `feature` needs that the token lacks. */
  missingScopes(feature: Feature): string[] {
    return session.missingScopes(feature);
  }

  /** Signs the session in; true once signed in. */
  signIn(opts?: { signal?: AbortSignal }): Promise<boolean> {
    return session.signIn(opts);
  }

  hostConnected(): void {
    this.#off ??= session.subscribe((s) => {
      this.opts.onChange?.(s);
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
  }
}
