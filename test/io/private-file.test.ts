import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrivateAppend, ReadError, readPrivateText, WriteError } from '../../src/io/index.js';

const AS_ROOT = process.getuid?.() === 0;
let base = '';
let count = 0;

/** A deck folder, as received from someone else: `.talkdeck/` in it is whatever they made it. */
function deckFolder(): string {
  const dir = join(base, `deck-${count++}`);
  mkdirSync(dir);
  return dir;
}

function append(path: string, text: string): void {
  const fd = openPrivateAppend(path);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function refusal(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    if (error instanceof WriteError || error instanceof ReadError) return error.format();
    throw error;
  }
  return 'done';
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'talkdeck-private-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('private files (.talkdeck/)', () => {
  it('makes .talkdeck/ the user\'s alone and the log 0600, and reads back what was appended', () => {
    const dir = deckFolder();
    const log = join(dir, '.talkdeck', 'rehearsals.jsonl');
    expect(readPrivateText(log)).toBeNull();
    append(log, 'one\n');
    append(log, 'two\n');
    expect(lstatSync(join(dir, '.talkdeck')).mode & 0o777).toBe(0o700);
    expect(lstatSync(log).mode & 0o777).toBe(0o600);
    expect(readPrivateText(log)).toBe('one\ntwo\n');
  });

  it('never appends through a link: a log that links to the shell\'s start-up file is refused, the file untouched', () => {
    const dir = deckFolder();
    const bashrc = join(base, `bashrc-${count}`);
    writeFileSync(bashrc, 'export PATH\n');
    mkdirSync(join(dir, '.talkdeck'), { mode: 0o700 });
    symlinkSync(bashrc, join(dir, '.talkdeck', 'rehearsals.jsonl'));
    const log = join(dir, '.talkdeck', 'rehearsals.jsonl');
    expect(refusal(() => append(log, '{"deck":"$(id > /tmp/x)"}\n'))).toBe(`${log}: is a symbolic link; remove the link: talkdeck writes its own files only as regular files`);
    expect(refusal(() => readPrivateText(log))).toBe(`${log}: is a symbolic link; remove the link: talkdeck keeps its own files only as regular files`);
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH\n');
  });

  it('refuses a .talkdeck/ that is a link, or that others may write', () => {
    const linked = deckFolder();
    const elsewhere = join(base, `elsewhere-${count}`);
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, join(linked, '.talkdeck'));
    const log = join(linked, '.talkdeck', 'rehearsals.jsonl');
    expect(refusal(() => append(log, 'x\n'))).toBe(`${join(linked, '.talkdeck')}: is a symbolic link, not a folder of yours; remove it (talkdeck makes a fresh one)`);
    expect(refusal(() => readPrivateText(log))).toMatch(/is a symbolic link, not a folder of yours/u);
    const open = deckFolder();
    mkdirSync(join(open, '.talkdeck'));
    chmodSync(join(open, '.talkdeck'), 0o777);
    expect(refusal(() => append(join(open, '.talkdeck', 'rehearsals.jsonl'), 'x\n'))).toBe(`${join(open, '.talkdeck')}: can be written by other users; make it yours alone: chmod go-w on it`);
  });

  it.skipIf(!AS_ROOT)(`refuses another user's .talkdeck/ or log${AS_ROOT ? '' : ' (skipped: needs root to give files away)'}`, () => {
    const theirs = deckFolder();
    mkdirSync(join(theirs, '.talkdeck'), { mode: 0o700 });
    chownSync(join(theirs, '.talkdeck'), 65534, 65534);
    expect(refusal(() => append(join(theirs, '.talkdeck', 'rehearsals.jsonl'), 'x\n'))).toBe(
      `${join(theirs, '.talkdeck')}: belongs to another user (uid 65534); remove it (talkdeck makes a fresh one), or run talkdeck as that user`,
    );
    const mine = deckFolder();
    mkdirSync(join(mine, '.talkdeck'), { mode: 0o700 });
    const log = join(mine, '.talkdeck', 'rehearsals.jsonl');
    writeFileSync(log, '');
    chownSync(log, 65534, 65534);
    expect(refusal(() => append(log, 'x\n'))).toBe(`${log}: belongs to another user (uid 65534); remove it, or run talkdeck as that user`);
  });

  it('refuses a log with other names (hard links) or that is a pipe, without hanging', () => {
    const dir = deckFolder();
    mkdirSync(join(dir, '.talkdeck'), { mode: 0o700 });
    const log = join(dir, '.talkdeck', 'rehearsals.jsonl');
    const other = join(dir, '.talkdeck', 'other');
    writeFileSync(other, '');
    linkSync(other, log);
    expect(refusal(() => append(log, 'x\n'))).toBe(`${log}: has other names (hard links); remove it (talkdeck makes a fresh one)`);
    rmSync(log);
    execFileSync('mkfifo', [log]);
    expect(refusal(() => append(log, 'x\n'))).toBe(`${log}: is not a regular file; remove it (talkdeck makes a fresh one)`);
    expect(refusal(() => readPrivateText(log))).toBe(`${log}: is a named pipe (FIFO), not a regular file; talkdeck reads only regular files: give one instead`);
  });
});
