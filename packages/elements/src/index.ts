export { PkVerdictBadge } from './components/verdict-badge/pk-verdict-badge.js';
