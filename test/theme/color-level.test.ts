import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { applyColorLevel, detectColorLevel, type ColorLevel } from '../../src/theme/index.js';

type Env = Record<string, string | undefined>;

describe('detectColorLevel', () => {
  const cases: [string, Env, boolean, ColorLevel][] = [
    ['a plain TTY', {}, true, 1],
    ['not a TTY', { COLORTERM: 'truecolor', TERM: 'xterm-256color' }, false, 0],
    ['COLORTERM=truecolor', { COLORTERM: 'truecolor', TERM: 'xterm' }, true, 3],
    ['COLORTERM=24bit', { COLORTERM: '24bit' }, true, 3],
    ['COLORTERM in capitals', { COLORTERM: 'TrueColor' }, true, 3],
    ['COLORTERM something else', { COLORTERM: 'yes', TERM: 'xterm' }, true, 1],
    ['TERM=xterm-256color', { TERM: 'xterm-256color' }, true, 2],
    ['TERM=screen-256color', { TERM: 'screen-256color' }, true, 2],
    ['TERM=xterm-direct', { TERM: 'xterm-direct' }, true, 3],
    ['TERM=xterm', { TERM: 'xterm' }, true, 1],
    ['TERM=dumb', { TERM: 'dumb' }, true, 0],
    ['TERM=dumb beats COLORTERM', { TERM: 'dumb', COLORTERM: 'truecolor' }, true, 0],
    ['NO_COLOR=1', { NO_COLOR: '1', COLORTERM: 'truecolor' }, true, 0],
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: 'yes', FORCE_COLOR: '3' }, true, 0],
    ['NO_COLOR empty is ignored', { NO_COLOR: '', TERM: 'xterm-256color' }, true, 2],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0', COLORTERM: 'truecolor' }, true, 0],
    ['FORCE_COLOR=1 caps a truecolor terminal', { FORCE_COLOR: '1', COLORTERM: 'truecolor' }, true, 1],
    ['FORCE_COLOR=2 without a TTY', { FORCE_COLOR: '2' }, false, 2],
    ['FORCE_COLOR=3 without a TTY', { FORCE_COLOR: '3' }, false, 3],
    ['FORCE_COLOR=9 is 3', { FORCE_COLOR: '9' }, false, 3],
    ['FORCE_COLOR empty is 1', { FORCE_COLOR: '' }, false, 1],
    ['FORCE_COLOR=true', { FORCE_COLOR: 'true' }, false, 1],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false', TERM: 'xterm-256color' }, true, 0],
    ['FORCE_COLOR=always', { FORCE_COLOR: 'always' }, false, 1],
  ];

  it.each(cases)('%s', (_name, env, isTTY, level) => {
    expect(detectColorLevel(env, isTTY)).toBe(level);
  });

  it('reads only the environment it is given', () => {
    const saved = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      expect(detectColorLevel({ COLORTERM: 'truecolor' }, true)).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});

describe('applyColorLevel', () => {
  const before = chalk.level;
  afterEach(() => {
    chalk.level = before;
  });

  it('sets the level chalk (and so Ink) draws with, down-sampling hex colours', () => {
    applyColorLevel(3);
    expect(chalk.hex('#ff8800')('x')).toBe('\u001b[38;2;255;136;0mx\u001b[39m');
    applyColorLevel(2);
    expect(chalk.level).toBe(2);
    expect(chalk.hex('#ff8800')('x')).toBe('\u001b[38;5;214mx\u001b[39m');
    applyColorLevel(1);
    expect(chalk.hex('#ff8800')('x')).toMatch(/^\u001b\[9[0-7]mx\u001b\[39m$/);
    applyColorLevel(0);
    expect(chalk.hex('#ff8800')('x')).toBe('x');
  });
});
