/**
 * Chromium driven over its DevTools pipe (`--remote-debugging-pipe`) with no target attached
 * unless asked: Playwright attaches to every page and holds each new one at its start until its
 * agent is set up (its worlds, init scripts, bindings), which the popup bench measured as tens of
 * milliseconds before the page's own HTML was parsed. A seller's popup has no debugger, so its
 * first-row time is read here from a page nothing attached to until it had drawn.
 *
 * The pipe: commands go to file descriptor 3, replies and events come from 4, each a JSON
 * message ended by a NUL byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Reply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

export interface PipeBrowser {
  /** A CDP command on the browser (or on an attached target's session). */
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Runs `expression` in the target (attached for this call only) and returns its value, promises awaited. */
  evaluate<T = unknown>(targetId: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * NUL-separated messages from a stream's chunks (a message may span chunks).
 * @example const split = messageSplitter(); split('{"id":1}\0{"id"') // ['{"id":1}']; then split(':2}\0') // ['{"id":2}']
 */
export function messageSplitter(): (chunk: string) => string[] {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\0');
    buffer = parts.pop()!;
    return parts;
  };
}

/** Launches Chromium with `args` and a fresh profile (deleted on close), driven over the pipe. */
export function launchPipeBrowser(executablePath: string, args: readonly string[]): PipeBrowser {
  const profile = mkdtempSync(join(tmpdir(), 'cdp-pipe-'));
  const child: ChildProcess = spawn(executablePath, [...args, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = child.stdio[3] as NodeJS.WritableStream;
  const fromBrowser = child.stdio[4] as NodeJS.ReadableStream;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const split = messageSplitter();
  let next = 0;
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    for (const text of split(chunk)) {
      const reply = JSON.parse(text) as Reply;
      const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!pending) continue; // events: none is listened to
      waiting.delete(reply.id!);
      if (reply.error) pending.reject(new Error(reply.error.message));
      else pending.resolve(reply.result);
    }
  });
  child.on('exit', () => {
    for (const pending of waiting.values()) pending.reject(new Error('Chromium exited'));
    waiting.clear();
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  return {
    send,
    async evaluate<T>(targetId: string, expression: string) {
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      try {
        const evaluated = await send<{ result: { value?: T }; exceptionDetails?: { text: string } }>(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        );
        if (evaluated.exceptionDetails) throw new Error(`evaluate: ${evaluated.exceptionDetails.text}`);
        return evaluated.result.value as T;
      } finally {
        await send('Target.detachFromTarget', { sessionId });
      }
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
