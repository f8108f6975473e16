import { describe, expect, test } from 'vitest';
import { parseCodeInfo } from '../../src/parse/index.js';

describe('parseCodeInfo', () => {
  test('language, +line_numbers and a highlight set in any order', () => {
    expect(parseCodeInfo('{2-3} +line_numbers go', 5)).toEqual({ lang: 'go', lineNumbers: true, highlight: [{ from: 2, to: 3 }], exec: null, problems: [] });
  });

  test('+exec, +exec_replace and +auto_exec, with an executor named after a colon', () => {
    expect(parseCodeInfo('bash +exec', 2).exec).toEqual({ mode: 'exec', executor: null });
    expect(parseCodeInfo('rust +exec_replace', 2).exec).toEqual({ mode: 'replace', executor: null });
    expect(parseCodeInfo('py +auto_exec:python3', 2).exec).toEqual({ mode: 'auto', executor: 'python3' });
  });

  test('groups and overlapping ranges are merged into one sorted set', () => {
    expect(parseCodeInfo('js {5-7|1,3|2,6}', 9).highlight).toEqual([
      { from: 1, to: 3 },
      { from: 5, to: 7 },
    ]);
  });

  test('problems are reported, and ranges past the end are clipped', () => {
    expect(parseCodeInfo('py {0,x,3-9} extra', 4)).toEqual({
      lang: 'py',
      lineNumbers: false,
      highlight: [{ from: 3, to: 4 }],
      exec: null,
      problems: [
        'invalid line highlight "0": lines count from 1 and a range may not run backwards',
        'invalid line highlight "x": expected a line like 3 or a range like 3-5',
        'line highlight "3-9" is past the end of the code (4 lines)',
        'unexpected "extra" in the code block\'s info string',
      ],
    });
    expect(parseCodeInfo('sh {1,2', 3)).toEqual({
      lang: 'sh',
      lineNumbers: false,
      highlight: [{ from: 1, to: 2 }],
      exec: null,
      problems: ['line highlight set is missing its closing `}`'],
    });
  });
});
