// examples/react18: the @lit/react wrappers under React 18 (its own react and react-dom 18), started with its
// documented command.
import { checkReact18Example } from './checks.js';
import { describeViteExample } from './support.js';

describeViteExample(
  'react18',
  'starts with `pnpm start`, runs React 18, and the wrappers set properties and hear pk-* events',
  checkReact18Example,
);
