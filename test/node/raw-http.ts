// Raw HTTP requests for the hardening tests: a Host header of our choosing, and a chunked body that never ends.
import { request } from 'node:http';

/** A request with a Host header of our choosing (fetch does not let us set it). */
export function raw(
  url: string,
  opts: { method: string; path: string; host?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method: opts.method,
        path: opts.path,
        headers: { Host: opts.host ?? u.host, ...opts.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Streams a chunked body of `chunk`-sized pieces until the server answers (or `max` bytes went out); resolves with
 * the status and how much was sent. A server that buffered without limit would never answer before `max`.
 */
export function chunkedFlood(
  url: string,
  path: string,
  headers: Record<string, string>,
  max = 64_000_000,
): Promise<{ status: number; sent: number }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let done = false;
    const piece = Buffer.alloc(64 * 1024, 0x61);
    const req = request(
      { host: u.hostname, port: u.port, method: 'POST', path, headers: { ...headers, 'Transfer-Encoding': 'chunked' } },
      (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      },
    );
    req.on('error', (e) => (done ? undefined : reject(e)));
    const pump = () => {
      while (!done && sent < max) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}
