import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { COMMAND_NAMES, presentKeyOptions, quickPresentArgs } from '../../src/cli/quick-start.js';

describe('the command line as the entry reads it before commander', () => {
  it('knows every command of the table, so a command is never taken for a deck', () => {
    expect([...COMMAND_NAMES].sort()).toEqual([...COMMANDS.map((c) => c.name), 'help'].sort());
    for (const name of COMMAND_NAMES.filter((n) => n !== 'present')) expect(quickPresentArgs([name, 'talk.md']), name).toBeNull();
  });

  it('reads `[present] DECK` with the options that shape the first frame', () => {
    expect(quickPresentArgs(['talk.md'])).toEqual({ deck: 'talk.md', options: {} });
    expect(quickPresentArgs(['present', 'talk.md'])).toEqual({ deck: 'talk.md', options: {} });
    expect(quickPresentArgs(['present', 'print'])).toEqual({ deck: 'print', options: {} });
    expect(quickPresentArgs(['--theme', 'nord', 'talk.md', '--dialect=marp', '--allow-outside'])).toEqual({
      deck: 'talk.md',
      options: { theme: 'nord', dialect: 'marp', allowOutside: true },
    });
    expect(quickPresentArgs(['-t', 'light', 'talk.md'])).toEqual({ deck: 'talk.md', options: { theme: 'light' } });
  });

  it('leaves every other command line to commander', () => {
    for (const argv of [[], ['present'], ['--help'], ['talk.md', '--presenter'], ['talk.md', 'other.md'], ['--theme'], ['--theme', '--dialect', 'x', 'talk.md'], ['--theme=', 'talk.md'], ['talk.md', '-h'], ['']]) {
      expect(quickPresentArgs(argv), argv.join(' ')).toBeNull();
    }
  });

  it('keys the frame by the same options as the present command', () => {
    expect(presentKeyOptions({})).toEqual({ theme: null, dialect: null, allowOutside: false, presenter: false, exec: 'false:false', imageProtocol: 'auto', keys: '{}' });
    expect(presentKeyOptions({ theme: 'nord', dialect: 'marp', allowOutside: true, presenter: true, execEnabled: true, imageProtocol: 'kitty', keys: { next: ['x'] } })).toEqual({
      theme: 'nord',
      dialect: 'marp',
      allowOutside: true,
      presenter: true,
      exec: 'true:false',
      imageProtocol: 'kitty',
      keys: '{"next":["x"]}',
    });
  });
});
