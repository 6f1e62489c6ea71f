// examples/react: React 19 with the elements as they are (properties and pk-* event props), started with its
// documented command.
import { checkReactExample } from './checks.js';
import { describeViteExample } from './support.js';

describeViteExample(
  'react',
  'starts with `pnpm start`, signs in, pivots, adds to a case, and hears pk-* events through React',
  checkReactExample,
);
