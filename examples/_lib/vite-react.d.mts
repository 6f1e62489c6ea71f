// Types for vite-react.mjs (plain JavaScript, shared by the React examples' vite.config.ts).
import type { UserConfig } from 'vite';

export function reactExampleConfig(): UserConfig;
