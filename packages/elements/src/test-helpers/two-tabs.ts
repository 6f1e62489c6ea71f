// Test helper: a second "tab" of the same origin, as a same-origin iframe with its own copy of the state modules.
// It shares localStorage and BroadcastChannel with the page, exactly as another tab would.
import type { caseChanges } from '../state/case-changes.js';
import type { caseTitles, currentCase } from '../state/current-case.js';
import type { session } from '../state/session.js';
import type { settings } from '../state/settings.js';

export interface OtherTab {
  frame: HTMLIFrameElement;
  /** The state modules as the other tab loaded them. */
  mod: {
    currentCase: typeof currentCase;
    caseTitles: typeof caseTitles;
    caseChanges: typeof caseChanges;
    session: typeof session;
    settings: typeof settings;
  };
  close(): void;
}

export async function openOtherTab(): Promise<OtherTab> {
  const frame = document.createElement('iframe');
  const base = new URL('../state/', import.meta.url).href;
  frame.srcdoc = `<!doctype html><script type="module">
    import { currentCase, caseTitles } from '${base}current-case.ts';
    import { caseChanges } from '${base}case-changes.ts';
    import { session } from '${base}session.ts';
    import { settings } from '${base}settings.ts';
    window.pkState = { currentCase, caseTitles, caseChanges, session, settings };
    parent.postMessage('pk-other-tab-ready', '*');
  </script>`;
  const ready = new Promise<void>((resolve) =>
    addEventListener('message', function onMessage(e) {
      if (e.data !== 'pk-other-tab-ready' || e.source !== frame.contentWindow) return;
      removeEventListener('message', onMessage);
      resolve();
    }),
  );
  document.body.append(frame);
  await ready;
  return {
    frame,
    mod: (frame.contentWindow as Window & { pkState: OtherTab['mod'] }).pkState,
    close: () => frame.remove(),
  };
}
