import { describe, expect, test } from 'vitest';
import { contentWords, stem, TermIndex, termsOf } from '../../src/compile/tokens.js';
import { displayWidth } from '../../src/compile/text-width.js';
import { Vocabulary } from '../../src/compile/vectors.js';
import { escapeMarkdown } from '../../src/compile/write-deck.js';

describe('tokens', () => {
  test.each([
    'Unikernels are entirely undebuggable: no ps, no htop, no strace!',
    'Cantrill 写道，Unikernels“经常运行新的或不同的软件，但这种论点可以用于运行任何新的系统。',
    'Café owners’ menus — naïve, résumé-like — cost 3.50 € in 2023.',
  ])('the fast tokenizer gives the same terms as termsOf (in text order): %s', (text) => {
    const vocab = new Vocabulary();
    const index = new TermIndex((t) => vocab.id(t));
    expect(index.ids(text).map((id) => vocab.terms[id]).sort()).toEqual(termsOf(text).sort());
  });

  test('stems meet: plurals and -ing/-ed endings', () => {
    expect(['processes', 'process', 'unikernels', 'vulnerabilities', 'debugging', 'restarted'].map(stem)).toEqual([
      'process',
      'process',
      'unikernel',
      'vulnerability',
      'debug',
      'restart',
    ]);
  });

  test('words of substance: letters and digits minus stop words, and every CJK character', () => {
    expect(contentWords('The hypervisor isn’t in use (e.g. 52.4 °C) 单核很小')).toEqual(['hypervisor', 'e', 'g', '52', '4', 'c', '单', '核', '很', '小']);
  });

  test('display width counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('单核abc')).toBe(7);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['a * b _c_ [d] <e>', 'a \\* b \\_c\\_ \\[d\\] \\<e\\>'],
    ['# not a heading', '\\# not a heading'],
    ['- not a bullet', '\\- not a bullet'],
    ['1. not a list', '1\\. not a list'],
    ['keeps `code_span` and https://x.org/a_b as they are', 'keeps `code_span` and https://x.org/a_b as they are'],
    ['&amp; stays text', '\\&amp; stays text'],
  ])('%s', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});
