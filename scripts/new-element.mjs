#!/usr/bin/env node
// pnpm new:element <name> — scaffolds packages/elements/src/components/<name>/ as the conventions lay it out:
// <name>.ts (the class), <name>.styles.ts, <name>.test.ts, pk-<name>.ts (registration), and stories/<name>.stories.ts.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

const files = {
  [join(dir, `${name}.ts`)]: `import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../../styles/tokens.js';
import styles from './${name}.styles.js';

/**
 * @tag ${tag}
 * @summary TODO(owner): one sentence on what ${tag} is for.
 * @status experimental
 * @since 0.1
 *
 * @csspart base - The component's container.
 */
export class ${className} extends LitElement {
  static override styles = [tokens, styles];

  /** TODO(owner): document each property in one sentence. */
  @property() label = '';

  protected override render() {
    return html\`<div part="base">\${this.label}</div>\`;
  }
}
`,
  [join(dir, `${name}.styles.ts`)]: `import { css } from 'lit';

export default css\`
  :host {
    display: block;
    font: var(--_font-size) / 1.4 var(--_font);
    color: var(--_fg);
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
  [join(dir, `${name}.test.ts`)]: `import { expect, fixture, html } from '@open-wc/testing';
import './pk-${name}.js';
import type { ${className} } from './${name}.js';

describe('${tag}', () => {
  it('renders its label as text', async () => {
    const el = await fixture<${className}>(html\`<${tag} .label=\${'<b>x</b>'}></${tag}>\`);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.textContent).to.equal('<b>x</b>');
  });

  it('is accessible', async () => {
    const el = await fixture<${className}>(html\`<${tag} label="Hello"></${tag}>\`);
    await expect(el).to.be.accessible();
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
console.log(
  `\nNext: export ${className} from packages/elements/src/index.ts, fill in the JSDoc, and run pnpm analyze.`,
);
