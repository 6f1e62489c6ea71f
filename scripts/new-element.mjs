#!/usr/bin/env node
// pnpm new:element <name> — scaffolds packages/elements/src/components/<name>/ as the conventions lay it out:
// <name>.ts (the class: session, localisation, a Task), <name>.styles.ts, <name>.test.ts, pk-<name>.ts
// (registration), src/events/<name>-select.ts (its event), stories/<name>.stories.ts, and a size.config.mjs entry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.startsWith('pk-')) {
  console.error('Usage: pnpm new:element <name>   (kebab-case, without the pk- prefix, e.g. "case-list")');
  process.exit(1);
}
const tag = `pk-${name}`;
const className = 'Pk' + name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const title = name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const dir = join(root, 'packages', 'elements', 'src', 'components', name);
if (existsSync(dir)) {
  console.error(`${dir} exists already`);
  process.exit(1);
}

const eventClass = `${className}SelectEvent`;
const eventFile = join(root, 'packages', 'elements', 'src', 'events', `${name}-select.ts`);

const files = {
  [join(dir, `${name}.ts`)]: `import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { ${eventClass} } from '../../events/${name}-select.js';
import { missingScopesNotice, signedOutPrompt } from '../../templates/session.js';
import { tokens } from '../../styles/tokens.js';
import styles from './${name}.styles.js';

/**
 * @tag ${tag}
 * @summary TODO(owner): one sentence on what ${tag} is for.
 * @status experimental
 * @since 0.2
 *
 * @description Follows the page's session (signed out: the shared sign-in prompt; missing scopes: the shared
 * notice), re-renders when \\\`<html lang>\\\` changes, and loads its data in a \\\`Task\\\` whose signal reaches the SDK.
 *
 * @event {${eventClass}} pk-${name}-select - The user chose the element's action.
 * @event {PkRequestSignInEvent} pk-request-sign-in - The signed-out user chose "Sign in".
 *
 * @csspart base - The component's container.
 * @csspart action - The button that fires \\\`pk-${name}-select\\\`.
 * @csspart note - A short text: loading, missing scopes, failed.
 * @csspart signed-out - The signed-out prompt.
 * @csspart signed-out__label - Its text.
 * @csspart sign-in - Its sign-in button.
 * @csspart missing-scopes - The missing-scopes notice.
 *
 * @cssproperty [--gap=0.5rem] - Space between the parts.
 */
export class ${className} extends LitElement {
  static override styles = [tokens, styles];

  /** The text of the element's action button. */
  @property() label = '';

  #l = new LocalizeController(this);
  #session = new SessionController(this);

  // TODO(owner): load what the element shows; the task's signal goes to the SDK (conventions §21).
  #data = new Task(this, {
    task: async ([client, allowed], { signal }) => {
      if (!client || !allowed) return undefined;
      signal.throwIfAborted();
      return client.session?.scopes.length ?? 0;
    },
    args: () => [this.#session.client, this.#session.can('inspect')] as const,
  });

  #select() {
    this.dispatchEvent(new ${eventClass}({ label: this.label }));
  }

  protected override render() {
    const t = this.#l.t;
    const s = this.#session.state;
    if (s.status !== 'signed-in') return html\`<div part="base">\${signedOutPrompt({ t, host: this })}</div>\`;
    return html\`<div part="base">
      \${missingScopesNotice({ t, scopes: this.#session.missingScopes('inspect'), what: this.label })}
      <button part="action" type="button" @click=\${() => this.#select()}>\${this.label}</button>
      \${this.#data.render({
        pending: () => html\`<p part="note">…</p>\`,
        error: (e) => html\`<p part="note">\${t.sectionFailed(e instanceof Error ? e.message : String(e))}</p>\`,
      })}
    </div>\`;
  }
}
`,
  [join(dir, `${name}.styles.ts`)]: `import { css } from 'lit';

export default css\`
  :host {
    --gap: 0.5rem;
    display: block;
    font: var(--_font-size) / 1.4 var(--_font);
    color: var(--_fg);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--gap);
  }
  button {
    font: inherit;
    padding: 0.35rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg-raised);
    color: var(--_fg);
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
\`;
`,
  [join(dir, `pk-${name}.ts`)]: `import { ${className} } from './${name}.js';

export { ${className} };
if (!customElements.get('${tag}')) customElements.define('${tag}', ${className});

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${className};
  }
}
`,
  [eventFile]: `/** The user chose the action of \\\`<${tag}>\\\`. */
export class ${eventClass} extends Event {
  readonly detail: { label: string };
  constructor(detail: ${eventClass}['detail']) {
    super('pk-${name}-select', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-${name}-select': ${eventClass};
  }
}
`,
  [join(dir, `${name}.test.ts`)]: `import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@pivotkit/sdk';
import { DEMO_CREDENTIALS, emulatorUrl } from '../../../../../test/helpers/emulator.js';
import en from '../../test-helpers/english.js';
import { registerTranslation } from '../../i18n/index.js';
import { session } from '../../state/session.js';
import './pk-${name}.js';
import type { ${className} } from './${name}.js';

async function signIn() {
  const url = await emulatorUrl();
  session.setClient(
    createClient({ baseUrls: { visibility: url, privateIntel: url }, credentials: DEMO_CREDENTIALS, cache: false }),
  );
  await session.signIn();
}

describe('${tag}', function () {
  // The first axe run loads axe-core: generous on a busy CI machine.
  this.timeout(20000);
  afterEach(() => session.setClient(undefined));

  it('asks to sign in while signed out', async () => {
    const el = await fixture<${className}>(html\`<${tag} label="Go"></${tag}>\`);
    const asked = oneEvent(el, 'pk-request-sign-in');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await asked;
    await expect(el).to.be.accessible();
  });

  it('follows the session, and fires pk-${name}-select from its button', async () => {
    const el = await fixture<${className}>(html\`<${tag} .label=\${'<b>Go</b>'}></${tag}>\`);
    await signIn();
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!;
    expect(button.textContent).to.equal('<b>Go</b>');
    const selected = oneEvent(el, 'pk-${name}-select');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.label).to.equal('<b>Go</b>');
    await expect(el).to.be.accessible();
  });

  it('re-renders when <html lang> changes', async () => {
    registerTranslation({ ...en, $code: 'x-${name}', signedOut: 'Signed out (test)' });
    const el = await fixture<${className}>(html\`<${tag} label="Go"></${tag}>\`);
    const label = () => el.shadowRoot!.querySelector('[part="signed-out__label"]')!.textContent;
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'x-${name}';
    try {
      await waitUntil(() => label() === 'Signed out (test)', 'the new language');
    } finally {
      document.documentElement.lang = lang;
    }
  });
});
`,
  [join(root, 'stories', `${name}.stories.ts`)]: `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pivotkit/elements/${tag}.js';

const meta: Meta = {
  title: 'Elements/${title}',
  component: '${tag}',
  args: { label: 'Hello' },
  render: (a) => html\`<${tag} label=\${a['label']}></${tag}>\`,
};
export default meta;

export const Playground: StoryObj = {};
`,
};

mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(files)) {
  if (existsSync(file)) {
    console.error(`${file} exists already; not overwritten`);
    continue;
  }
  writeFileSync(file, text);
  console.log(`created ${file.slice(root.length + 1)}`);
}
// One size entry per chunk a page loads (size.config.mjs): the element with everything it can load.
const sizeConfig = join(root, 'size.config.mjs');
const config = readFileSync(sizeConfig, 'utf8');
const marker = config.lastIndexOf('];');
const entry = `  {
    name: '${tag} (with everything it loads)',
    entry: 'packages/elements/src/components/${name}/pk-${name}.ts',
    load: 'all',
    // TODO(owner): a panel's own chunk should stay within 20 kB; lit and the state layer are shared.
    limitKb: 40,
  },
`;
writeFileSync(sizeConfig, config.slice(0, marker) + entry + config.slice(marker));
console.log('added a size.config.mjs entry');
console.log(
  `\nNext: export ${className} from packages/elements/src/index.ts, fill in the JSDoc, and run pnpm analyze.`,
);
