// Types for servers.mjs (plain JavaScript: the examples run it with no build step).
import type { ChildProcess } from 'node:child_process';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export function portOption(cliFlag: string, envName: string, fallback: number): number;
export function ensureFree(port: number, what: string, envName: string, cliFlag: string): Promise<void>;
export function startPivotkitServer(from: string, args: string[], env?: Record<string, string>): Promise<ChildProcess>;
export function startViteExample(
  here: string,
  name: string,
  defaults: { port: number; apiPort: number },
): Promise<void>;
export function serveStatic(
  folder: string,
  port: number,
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<Server>;
export function whenPrinted(
  stream: NodeJS.ReadableStream,
  mark: string | RegExp,
  onReady: (seen: string) => void,
  echo?: NodeJS.WritableStream | null,
): void;
export function stopTogether(children: ChildProcess[], servers?: Server[]): void;
export function ensureStandaloneBundle(from: string): Promise<string>;
