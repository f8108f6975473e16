import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigError, configJsonSchema, defaultConfig, parseConfig } from '../../src/config/index.js';
import { ACTIONS, normalizeKeyName } from '../../src/present/index.js';

const rules = { actions: ACTIONS, normalize: normalizeKeyName };

function problem(text: string): string {
  try {
    parseConfig(text, 'config.yaml', rules);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).format();
  }
  throw new Error('no error');
}

describe('parseConfig', () => {
  test('every setting, with defaults filled in', () => {
    const config = parseConfig(
      [
        'theme: light',
        'image_protocol: kitty',
        'exec:',
        '  enable: true',
        '  timeout: 2m',
        '  executors:',
        '    deno: { command: [deno, run, "{file}"], filename: snippet.ts }',
        'rates: { wpm: 150, cjk_cpm: 250 }',
        'notes: { publish_speaker_notes: true }',
        'keys:',
        '  next: [<right>, " ", l]',
        '  exec: [<c-r>]',
        'export: { format: pdf, handout: true }',
      ].join('\n'),
      'config.yaml',
      rules,
    );
    expect(config).toEqual({
      file: 'config.yaml',
      theme: 'light',
      imageProtocol: 'kitty',
      exec: { enable: true, enableReplace: false, timeoutMs: 120_000, executors: { deno: { command: ['deno', 'run', '{file}'], filename: 'snippet.ts', hiddenLinePrefix: undefined, environment: {} } } },
      rates: { wpm: 150, cjkCpm: 250 },
      notes: { publishSpeakerNotes: true },
      keys: { next: ['right', 'space', 'l'], exec: ['ctrl-r'] },
      export: { format: 'pdf', handout: true },
    });
  });

  test('an empty file is every default', () => {
    expect(parseConfig('', 'config.yaml', rules)).toEqual({ ...defaultConfig(), file: 'config.yaml', rates: { wpm: undefined, cjkCpm: undefined } });
  });

  test.each([
    ['them: light', 'config.yaml:1:1: them: unknown field (did you mean "theme"?)'],
    ['exec:\n  enable: yes please', 'config.yaml:2:11: exec.enable: expected true or false, got "yes please"'],
    ['image_protocol: sixels', 'config.yaml:1:17: image_protocol: expected one of auto, kitty, iterm2, sixel, blocks, none, got "sixels"'],
    ['exec:\n  timeout: soon', 'config.yaml:2:12: exec.timeout'],
    ['keys:\n  nxt: [l]', 'config.yaml:2:3: keys.nxt: no such action (did you mean "next"?)'],
    ['keys:\n  next: [l, <hyper-x>]', 'config.yaml:2:13: keys.next[1]: "<hyper-x>" is not a key'],
    ['theme: [a\n', 'config.yaml:'],
  ])('%j is a located error', (text, expected) => {
    expect(problem(text)).toContain(expected);
  });
});

test('config.schema.json, shipped for editors, is the schema the loader checks', () => {
  expect(JSON.parse(readFileSync('config.schema.json', 'utf8'))).toEqual(configJsonSchema());
});
