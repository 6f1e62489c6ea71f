import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchesShortcut, settings, type ShortcutAction } from '../../state/settings.js';

/** Whether a key press goes to something that takes text or keys of its own (an input of the page, say). */
function takesKeys(el: EventTarget | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'reset', 'submit'].includes(el.type);
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox' || role === 'application';
}

/**
 * The ribbon's keyboard shortcuts (Settings lists and changes them). Listens on the window in the bubbling
 * phase, so the page's own handlers come first: a key the page already used (`defaultPrevented`) is left alone,
 * and so is any key typed into the page's inputs, text areas, editable content or widgets that take keys.
 * Inside the ribbon itself (its search box) the shortcuts work, since they all need Alt, Ctrl or Meta.
 */
export class ShortcutsController implements ReactiveController {
  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private run: (action: ShortcutAction) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeydown);
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.repeat || e.isComposing) return;
    const path = e.composedPath();
    const inRibbon = path.includes(this.host);
    if (!inRibbon && takesKeys(path[0])) return;
    const { shortcuts } = settings.get();
    for (const [action, keys] of Object.entries(shortcuts) as [ShortcutAction, string][]) {
      if (matchesShortcut(e, keys)) {
        e.preventDefault();
        this.run(action);
        return;
      }
    }
  };
}
