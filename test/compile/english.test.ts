import { describe, expect, test } from 'vitest';
import { loadEnglishTagger, tagEnglish } from '../../src/compile/english.js';
import { BUNDLED, readIn, UNIKERNELS_DIR } from './helpers.js';

describe('English part-of-speech tags by wink-nlp', () => {
  test('the model read the fast way tags exactly as the package reads it, over the bundled article', () => {
    const text = (readIn(UNIKERNELS_DIR, BUNDLED[0] as string) ?? '').split('\n--------')[0] ?? '';
    const fast = loadEnglishTagger(true);
    const packaged = loadEnglishTagger(false);
    const tags = (nlp: typeof fast) => nlp.readDoc(text).tokens().out(nlp.its.pos);
    expect(tags(fast)).toEqual(tags(packaged));
  });

  test('tags a claim as a claim, with offsets into the text; a code span is one proper noun', () => {
    const tokens = tagEnglish('Hypervisor vulnerabilities emphatically exist; call `File::open` now.');
    expect(tokens.slice(0, 4).map((t) => t.pos)).toEqual(['PROPN', 'NOUN', 'ADV', 'VERB']);
    const code = tokens.find((t) => t.text.startsWith('`'));
    expect(code).toMatchObject({ text: '`File::open`', pos: 'PROPN' });
    for (const t of tokens) expect('Hypervisor vulnerabilities emphatically exist; call `File::open` now.'.slice(t.start, t.end)).toBe(t.text);
  });
});
