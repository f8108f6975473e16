import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe`: the browser
 * reads commands on its descriptor 3 and answers on 4, each message JSON ended by a NUL byte. No
 * port is opened, so no other process on the machine can reach the browser while it runs, and
 * nothing is loaded on the Node side but this file (playwright-core and puppeteer-core, which speak
 * the same protocol over the same pipe, take hundreds of ms to seconds to import).
 */

type Params = Record<string, unknown>;

interface Pending {
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  method: string;
}

/** An error the browser answered, or its end before it answered. */
export class ChromiumError extends Error {
  override name = 'ChromiumError';
}

export interface LaunchOptions {
  executablePath: string;
  args: readonly string[];
  /** Everything, from the start to the close, must be done by then; the browser is killed after. */
  timeoutMs: number;
}

/** The lines Chromium wrote on stderr last, for the message when it fails. */
const STDERR_KEPT = 4096;

/** Browsers running now: ended, and their folders removed, if this process exits or is signalled first. */
const running = new Set<Chromium>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function endAllNow(): void {
  for (const browser of running) browser.endNow();
}

/** On a signal: end every browser and remove its folder, then die of the signal as if it had not been caught. */
function onSignal(signal: NodeJS.Signals): void {
  endAllNow();
  untrack();
  process.kill(process.pid, signal);
}

/** Whether a process of group `pgid` is still running (not yet a zombie), from /proc; false where there is none. */
function groupRunning(pgid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const name of names) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    } catch {
      // Gone meanwhile.
    }
  }
  return false;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function track(browser: Chromium): void {
  if (running.size === 0) {
    process.on('exit', endAllNow);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  running.add(browser);
}

function untrack(browser?: Chromium): void {
  if (browser) running.delete(browser);
  else running.clear();
  if (running.size > 0) return;
  process.off('exit', endAllNow);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * A browser's folder in the system's temporary folder: named for the talkdeck process that made it,
 * and for that process's PID namespace (a temporary folder may be shared by containers whose
 * processes number from 1 each), both in base 36 to keep the path short (Chromium's socket path
 * under it must stay within 107 bytes).
 */
const FOLDER_PREFIX = 'talkdeck-pdf-';
const FOLDER_NAME = /^talkdeck-pdf-([0-9a-z]+)-([0-9a-z]+)-[A-Za-z0-9]{6}$/u;

/** This process's PID namespace, as the kernel numbers it, in base 36; null where it cannot be read. */
function pidNamespace(): string | null {
  try {
    const inode = /^pid:\[(\d+)\]$/u.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
    return inode === undefined ? null : Number(inode).toString(36);
  } catch {
    return null;
  }
}

/** Whether process `pid` is alive (or not ours to signal, which counts as alive: its folder is left). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes what exports killed outright (SIGKILL, a power cut) left in `dir`: folders named for a
 * talkdeck process of this PID namespace that no longer runs. Only real folders of this user's
 * own; anything else (another user's, another namespace's, a link, a name of another shape) is left
 * alone, and a folder that cannot be removed is no error.
 */
export function sweepLeftFolders(dir: string = tmpdir()): void {
  // A process of another PID namespace cannot be asked whether it runs: its folders are left.
  const namespace = pidNamespace();
  if (namespace === null) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = FOLDER_NAME.exec(name);
    if (!match || match[1] !== namespace) continue;
    const pid = parseInt(match[2] ?? '', 36);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: left.
    }
  }
}

export class Chromium {
  readonly #child: ChildProcess;
  readonly #commands: Writable;
  /** Holds the profile and Chromium's temporary files. */
  readonly #folder: string;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(method: string, params: Params, sessionId: string | undefined) => void>();
  #nextId = 1;
  #buffered: Buffer[] = [];
  #stderr = '';
  #ended: ChromiumError | null = null;
  readonly #exited: Promise<void>;
  readonly #timer: NodeJS.Timeout;
  #closing: Promise<void> | null = null;

  private constructor(options: LaunchOptions) {
    // A fresh profile, removed on close: nothing is kept between exports, nothing read from a past
    // one. Chromium's own temporary files (its shared memory, with --disable-dev-shm-usage) go in
    // the same folder, as an ended browser does not remove them.
    // Short names: Chromium's socket path under TMPDIR must stay within 107 bytes.
    // Tracked before anything is made: a signal that comes once the browser is spawned must find
    // the handler that ends it and removes its folder installed already (it runs once this
    // constructor is done), not kill this process and leave both behind.
    track(this);
    let folder: string | undefined;
    try {
      sweepLeftFolders();
      folder = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${pidNamespace() ?? 'x'}-${process.pid.toString(36)}-`));
      const profile = join(folder, 'p');
      const temporary = join(folder, 't');
      mkdirSync(temporary);
      this.#child = spawn(options.executablePath, [...options.args, '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-startup-window'], {
        env: { ...process.env, TMPDIR: temporary },
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        // Its own process group, so that closing it ends its renderer and helpers too.
        detached: true,
      });
    } catch (error) {
      untrack(this);
      if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    this.#folder = folder;
    const [, , stderr, commands, answers] = this.#child.stdio as [unknown, unknown, Readable, Writable, Readable];
    this.#commands = commands;
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      this.#stderr = (this.#stderr + text).slice(-STDERR_KEPT);
    });
    answers.on('data', (chunk: Buffer) => this.#receive(chunk));
    // A write after the browser died fails here and is reported as its end, below.
    commands.on('error', () => undefined);
    answers.on('error', () => undefined);
    this.#exited = new Promise((resolve) => {
      this.#child.once('error', (error) => {
        this.#end(new ChromiumError(error.message));
        resolve();
      });
      this.#child.once('exit', (code, signal) => {
        this.#end(new ChromiumError(`Chromium ended${signal ? ` on ${signal}` : ` with exit code ${String(code)}`}${this.#lastError()}`));
        resolve();
      });
    });
    this.#timer = setTimeout(() => {
      this.#end(new ChromiumError(`Chromium gave no answer within ${Math.round(options.timeoutMs / 1000)} s`));
      void this.close();
    }, options.timeoutMs);
    this.#timer.unref();
  }

  /** Starts the browser; its commands may be sent at once (they wait in the pipe while it starts). */
  static launch(options: LaunchOptions): Chromium {
    return new Chromium(options);
  }

  /** Chromium's fatal message on stderr, if it gave one (its other lines are noise here). */
  #lastError(): string {
    const fatal = this.#stderr
      .split('\n')
      .filter((line) => line.includes(':FATAL:'))
      .at(-1);
    return fatal ? `: ${fatal.replace(/^\[[^\]]*\]\s*/u, '').trim()}` : '';
  }

  #end(error: ChromiumError): void {
    if (this.#ended) return;
    this.#ended = error;
    for (const pending of this.#pending.values()) pending.reject(new ChromiumError(`${pending.method}: ${error.message}`));
    this.#pending.clear();
  }

  #receive(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(0);
    while (end !== -1) {
      this.#buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.#buffered).toString('utf8');
      this.#buffered = [];
      this.#dispatch(text);
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.#buffered.push(chunk.subarray(start));
  }

  #dispatch(text: string): void {
    let message: { id?: number; method?: string; params?: Params; result?: Params; error?: { message?: string }; sessionId?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) pending.reject(new ChromiumError(`${pending.method}: ${message.error.message ?? 'failed'}`));
      else pending.resolve(message.result ?? {});
    } else if (typeof message.method === 'string') {
      for (const listener of this.#listeners) listener(message.method, message.params ?? {}, message.sessionId);
    }
  }

  /** Sends a command (to a page when `sessionId` is given) and resolves with its result. */
  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    if (this.#ended) return Promise.reject(new ChromiumError(`${method}: ${this.#ended.message}`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#commands.write(`${JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params })}\0`);
    });
  }

  /** Calls `listener` for every event until the returned function is called. */
  on(listener: (method: string, params: Params, sessionId: string | undefined) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Ends the browser and everything it started (its own process group), at once: it is a
   * throw-away with nothing to save, and a polite Browser.close takes it hundreds of ms to finish.
   * Then removes its profile and temporary files. Safe to call more than once.
   *
   * `idle`: the browser is known to be doing nothing (it has printed), so its folder is removed at
   * once and this process does not wait the 100–250 ms the kernel takes to tear the browser down.
   * Otherwise (it may be starting, creating its profile) the folder is removed once it is gone.
   */
  close(options: { idle?: boolean } = {}): Promise<void> {
    this.#closing ??= this.#close(options.idle === true);
    return this.#closing;
  }

  async #close(idle: boolean): Promise<void> {
    this.#kill();
    if (idle) {
      for (const stream of this.#child.stdio) stream?.destroy();
      this.#child.unref();
    } else if (this.#child.pid !== undefined) {
      await this.#exited;
    }
    rmSync(this.#folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    untrack(this);
  }

  #kill(): void {
    clearTimeout(this.#timer);
    this.#end(new ChromiumError('Chromium was closed'));
    const { pid } = this.#child;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /**
   * Ends the browser and removes its folder synchronously, for a process that is exiting (a signal,
   * process.exit): left alone, Chromium would end when its pipe closes, but its profile would stay.
   */
  endNow(): void {
    this.#kill();
    // A browser killed while it starts may be creating its profile: the folder goes once it is gone
    // (a fraction of a second; 2 s at most).
    const { pid } = this.#child;
    const deadline = Date.now() + 2000;
    while (pid !== undefined && Date.now() < deadline && groupRunning(pid)) Atomics.wait(pause, 0, 0, 5);
    try {
      rmSync(this.#folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // The process is going; nothing more can be done.
    }
  }
}
