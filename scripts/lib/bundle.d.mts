// Types for bundle.mjs.
import type { Metafile } from 'esbuild';

export const root: string;
export function bundle(entries: string[]): Promise<{ files: Map<string, Uint8Array>; outputs: Metafile['outputs'] }>;
export function mainChunk(outputs: Metafile['outputs']): string;
export function closure(outputs: Metafile['outputs'], from: string, opts: { dynamic: boolean }): Set<string>;
