export { PkVerdictBadge } from './components/verdict-badge/pk-verdict-badge.js';
export { configure, getClient, onClientChange, type PivotkitConfig } from './config.js';
