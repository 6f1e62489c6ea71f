import type { ChildProcess } from 'node:child_process';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout, and stderr unless inherited). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Let the process write its stderr straight to ours instead of into `output()`. */
  inheritStderr?: boolean;
}

export const EMULATE_ARGS: readonly string[];
export function startServer(
  args: string[],
  env?: Record<string, string>,
  options?: StartOptions,
): Promise<ServerProcess>;
export function startEmulator(
  extraArgs?: string[],
  env?: Record<string, string>,
  options?: StartOptions,
): Promise<ServerProcess>;
export function runCli(args: string[], env?: Record<string, string>): Promise<{ code: number | null; out: string }>;
