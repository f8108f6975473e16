import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from '../e2e/tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
let dir = '';
const panes: Pane[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-cmdline-'));
  writeFileSync(join(dir, 'talk.md'), '# Talk\n');
  writeFileSync(join(dir, 'other.md'), '# Other\n');
  writeFileSync(join(dir, 'notes.txt'), 'x\n');
});
afterAll(() => {
  for (const pane of panes) pane.kill();
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

function talkdeck(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command line', () => {
  it('prints the help with no arguments: exit 2 when no one is at a terminal', () => {
    const result = talkdeck([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: talkdeck [DECK] | COMMAND [options]');
    expect(result.stderr).toContain('completion <shell>');
  });

  it('prints the help with no arguments and exits 0 on a terminal', async () => {
    const pane = startPane(`node ${CLI}; echo "exit=$?"; sleep 30`, { columns: 100, rows: 40 });
    panes.push(pane);
    const screen = await pane.waitFor('exit=');
    expect(screen).toContain('Usage: talkdeck');
    expect(screen).toContain('exit=0');
  });

  it('names a mistyped command instead of "too many arguments"', () => {
    expect(talkdeck(['presnt', 'talk.md'])).toEqual({ code: 2, stdout: '', stderr: "talkdeck: unknown command 'presnt'; did you mean 'present'?\n" });
    expect(talkdeck(['exprot', 'talk.md', '-f', 'txt']).stderr).toBe("talkdeck: unknown command 'exprot'; did you mean 'export'?\n");
    expect(talkdeck(['frobnicate', 'talk.md']).stderr).toMatch(/^talkdeck: unknown command 'frobnicate'; the commands are present, /u);
  });

  it('prints the version with -v and --version', () => {
    expect(talkdeck(['-v'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(talkdeck(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('reads the configuration, and says where a bad one is wrong', () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'theme: light\nexec:\n  enabel: true\n');
    const result = talkdeck(['--config', config, 'check', 'talk.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${config}:3:3: exec.enabel: unknown field (did you mean "enable"?); the fields here are enable, enable_replace, timeout, executors\n`);
    expect(talkdeck(['check', 'talk.md', '--config', 'missing.yaml']).stderr).toBe('missing.yaml: no such configuration file; check the path given to --config\n');
  });
});

/** Types `line` and Tab in a real shell with talkdeck's completion loaded; returns the screen. */
async function complete(shell: string, setup: string, line: string, expected: string | RegExp): Promise<string> {
  const pane = startPane(shell, { columns: 120, rows: 20 }, { HOME: dir });
  panes.push(pane);
  // Each step waits for the shell to have done the one before: typed ahead, keys can be lost.
  const path = shell.startsWith('fish') ? `set -x PATH ${join(dir, 'bin')} $PATH` : `export PATH=${join(dir, 'bin')}:$PATH`;
  pane.type(`cd ${dir}; ${path}; ${setup}; echo READY\n`);
  await pane.waitFor(/^READY$/mu);
  pane.type('clear\n');
  await pane.waitFor((screen) => !screen.includes('READY'));
  pane.type(line);
  await pane.waitFor(line.trimEnd());
  pane.send('Tab');
  if (shell !== 'fish') pane.send('Tab');
  return pane.waitFor(expected);
}

const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

describe('completion scripts, in the real shells', () => {
  beforeAll(() => {
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'talkdeck'), `#!/bin/sh\nexec node ${CLI} "$@"\n`, { mode: 0o755 });
  });

  it('bash completes commands, options, themes and .md files', async () => {
    expect(await complete('bash --norc --noprofile', 'source <(talkdeck completion bash)', 'talkdeck pres', 'talkdeck present')).toContain('talkdeck present');
    const files = await complete('bash --norc --noprofile', 'source <(talkdeck completion bash)', 'talkdeck present ', 'other.md');
    expect(files).toContain('talk.md');
    expect(files).not.toContain('notes.txt');
    expect(await complete('bash --norc --noprofile', 'source <(talkdeck completion bash)', 'talkdeck present --image-p', '--image-protocol')).toContain('--image-protocol');
    expect(await complete('bash --norc --noprofile', 'source <(talkdeck completion bash)', 'talkdeck present talk.md --theme sol', 'solarized-dark')).toContain('solarized-dark');
  });

  it.skipIf(!has('zsh'))('zsh completes commands, options, themes and .md files (skipped where zsh is not installed)', async () => {
    const setup = 'autoload -U compinit && compinit -u && source <(talkdeck completion zsh)';
    expect(await complete('zsh -f', setup, 'talkdeck rehe', 'talkdeck rehearse')).toContain('talkdeck rehearse');
    expect(await complete('zsh -f', setup, 'talkdeck export talk.md --format pp', 'pptx')).toContain('pptx');
    expect(await complete('zsh -f', setup, 'talkdeck check --theme nor', 'nord')).toContain('nord');
    const files = await complete('zsh -f', setup, 'talkdeck print ', 'other.md');
    expect(files).not.toContain('notes.txt');
  });

  it.skipIf(!has('fish'))('fish completes commands, options, themes and .md files (skipped where fish is not installed)', async () => {
    const setup = 'talkdeck completion fish | source';
    expect(await complete('fish --no-config', setup, 'talkdeck comple', 'talkdeck completion')).toContain('talkdeck completion');
    expect(await complete('fish --no-config', setup, 'talkdeck present --enable-exec-r', '--enable-exec-replace')).toContain('--enable-exec-replace');
    expect(await complete('fish --no-config', setup, 'talkdeck present --theme high', 'high-contrast')).toContain('high-contrast');
    expect(await complete('fish --no-config', setup, 'talkdeck present oth', 'other.md')).toContain('other.md');
  });
});
