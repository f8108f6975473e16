import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A private tmux server so tests never touch the user's sessions. */
const SOCKET = `talkdeck-test-${process.pid}`;
/** A private frame cache too: presenters started by the tests keep their first frames here. */
export const TEST_CACHE_DIR = join(tmpdir(), `talkdeck-test-cache-${process.pid}`);
/**
 * A runtime folder of this test process's own (`XDG_RUNTIME_DIR`): the notes channels of its
 * presenters live there, apart from those of test files running at the same time.
 */
export const TEST_RUNTIME_DIR = join(tmpdir(), `talkdeck-test-run-${process.pid}`);

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

export interface Pane {
  name: string;
  /** The visible screen as plain text, one string per row. */
  capture(options?: { escapes?: boolean; saved?: boolean }): string;
  /** Sends tmux key names (`Right`, `PageDown`, `C-c`) or literal text with `literal`. */
  send(...keys: string[]): void;
  type(text: string): void;
  /** A tmux format value for the pane, e.g. `#{alternate_on}`. */
  format(spec: string): string;
  resize(columns: number, rows: number): void;
  waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  kill(): void;
}

let keeper = false;

/** Starts `command` in a detached tmux session of a fixed size. */
export function startPane(command: string, size: { columns: number; rows: number }, env: Record<string, string> = {}): Pane {
  if (!keeper) {
    mkdirSync(TEST_RUNTIME_DIR, { recursive: true, mode: 0o700 });
    // A session that outlives the others keeps the server up between tests.
    tmux('new-session', '-d', '-s', 'keeper', 'cat');
    keeper = true;
  }
  const name = `t${randomBytes(4).toString('hex')}`;
  const envArgs = Object.entries({ TERM: 'xterm-256color', TALKDECK_CACHE_DIR: TEST_CACHE_DIR, XDG_RUNTIME_DIR: TEST_RUNTIME_DIR, ...env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), ...envArgs, command);
  // Keep the pane after the command ends so its last screen can be read.
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
  const pane: Pane = {
    name,
    // saved: the main screen as it was when the program entered the alternate screen.
    capture: (options = {}) => tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), ...(options.saved ? ['-a'] : []), '-t', name),
    send: (...keys) => {
      tmux('send-keys', '-t', name, ...keys);
    },
    type: (text) => {
      tmux('send-keys', '-t', name, '-l', text);
    },
    format: (spec) => tmux('display-message', '-p', '-t', name, spec).trim(),
    resize: (columns, rows) => {
      tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows));
    },
    waitFor: async (expected, timeoutMs = 10000) => {
      const test =
        typeof expected === 'function'
          ? expected
          : typeof expected === 'string'
            ? (screen: string) => screen.includes(expected)
            : (screen: string) => expected.test(screen);
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      for (;;) {
        screen = pane.capture();
        if (test(screen)) return screen;
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(expected)}; screen:\n${screen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    kill: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // Already gone.
      }
    },
  };
  return pane;
}

/** The processes and all their descendants (from /proc), so that a program a pane's shell started is waited for too. */
function withDescendants(pids: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": the name may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Ended meanwhile.
    }
  }
  const all = new Set<number>();
  const visit = (pid: number) => {
    if (all.has(pid)) return;
    all.add(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  pids.forEach(visit);
  return [...all];
}

/** Stops the private tmux server; call in afterAll. */
export function stopServer(): void {
  keeper = false;
  let pids: number[] = [];
  try {
    pids = tmux('list-panes', '-a', '-F', '#{pane_pid}')
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0);
  } catch {
    // No server was started.
  }
  pids = withDescendants(pids);
  try {
    tmux('kill-server');
  } catch {
    // No server was started.
  }
  // A presenter hung up on by the server may still be writing its cache entry (the parsed deck goes
  // in 1.5 s after start): the folders are removed once every pane's program has ended.
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + 5000;
  while (pids.some(alive) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Ended between the look and the kill.
    }
  }
  rmSync(TEST_CACHE_DIR, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  rmSync(TEST_RUNTIME_DIR, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}

/** The built command line the end-to-end tests run (`TALKDECK_CLI` tests another build). */
export const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');

/**
 * `run(args)` starts `node CLI args` in a pane of its own; the panes a test started are killed after
 * it, and the tmux server after the test file.
 */
export function cliPanes(defaultSize = { columns: 80, rows: 24 }): (args: string, size?: { columns: number; rows: number }) => Pane {
  const panes: Pane[] = [];
  afterEach(() => {
    while (panes.length) panes.pop()?.kill();
  });
  afterAll(() => stopServer());
  return (args, size = defaultSize) => {
    const pane = startPane(`node ${CLI} ${args}`, size);
    panes.push(pane);
    return pane;
  };
}
