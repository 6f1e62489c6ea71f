// Types for chromium.mjs (plain JavaScript: setup runs it before anything is installed).
export function findChromium(): string | null;
export function requireChromium(): string;
export const chromiumArgs: string[];
