import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small file system (tmpfs) for tests of a full or read-only disk. Mounting needs root and a
 * machine that allows it; where it does not, the tests that need one skip and say why.
 */
function probe(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]).status !== 0) return false;
    spawnSync('umount', [dir]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const CAN_MOUNT = probe();
export const NO_MOUNT = 'skipped: needs root and a machine that lets it mount a tmpfs';
