import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';

/**
 * A second local user for tests of what crosses users: modes mean nothing to root, and another
 * user's reach (the notes channel, a folder they cannot write) needs a real one. When the tests run
 * as root, `talkdeck-peer` is made with useradd (a system user without a home or a shell) and
 * commands run as it through setpriv, which drops the user, the group and every supplementary
 * group. Not as root, there is none: callers skip, saying so.
 */
export interface SecondUser {
  name: string;
  uid: number;
  gid: number;
  /** The command prefix that runs a program as this user. */
  prefix: string[];
  /** Runs `command args` as this user. */
  run(command: string, args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string }): SpawnSyncReturns<string>;
}

const NAME = 'talkdeck-peer';

function lookup(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The second user, made when missing; null when the tests do not run as root. */
export function secondUser(): SecondUser | null {
  if (process.getuid?.() !== 0) return null;
  let ids = lookup();
  if (ids === null) {
    // Test files run in parallel: another may be making the user right now; then it is there.
    spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', NAME], { encoding: 'utf8' });
    for (let attempt = 0; ids === null && attempt < 50; attempt++) {
      ids = lookup();
      if (ids === null) spawnSync('sleep', ['0.1']);
    }
  }
  if (ids === null) throw new Error(`could not make the test user ${NAME} with useradd`);
  const { uid, gid } = ids;
  const prefix = ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'];
  return {
    name: NAME,
    uid,
    gid,
    prefix,
    run: (command, args, options = {}) =>
      spawnSync(prefix[0]!, [...prefix.slice(1), command, ...args], {
        encoding: 'utf8',
        input: options.input,
        env: options.env ?? process.env,
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 20_000,
      }),
  };
}

/** Why a test that needs a second user is skipped. */
export const NO_SECOND_USER = 'needs root to make a second user (useradd) and run as it (setpriv)';

/** A test's name, with the reason it is skipped when there is no second user. */
export function withPeer(name: string, peer: SecondUser | null): string {
  return peer === null ? `${name} (skipped: ${NO_SECOND_USER})` : name;
}
