import { describe, expect, test } from 'vitest';
import { loadEnglishTagger, tagEnglish, taggerPasses } from '../../src/compile/english.js';
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

describe('a run of a sentence tagged before', () => {
  test('takes the sentence\'s tags, read in context, its first letter\'s case aside', () => {
    const sentence = 'In short, a unikernel is an application that runs entirely in the microprocessor’s privileged mode.';
    const whole = tagEnglish(sentence);
    const run = 'A unikernel is an application that runs entirely in the microprocessor’s privileged mode';
    const at = sentence.indexOf('a unikernel');
    const expected = whole.filter((t) => t.start >= at && t.end <= at + run.length).map((t) => ({ ...t, text: run.slice(t.start - at, t.end - at), start: t.start - at, end: t.end - at }));
    const passes = taggerPasses();
    expect(tagEnglish(run)).toEqual(expected);
    expect(tagEnglish(run)[0]).toMatchObject({ text: 'A', start: 0 });
    // No second pass of the tagger.
    expect(taggerPasses()).toBe(passes);
  });

  test('a run that cuts a word is tagged on its own', () => {
    tagEnglish('Hypervisor vulnerabilities emphatically exist in every production system.');
    const cut = 'isor vulnerabilities emphatically exist';
    const passes = taggerPasses();
    expect(tagEnglish(cut).map((t) => t.text)).toEqual(['isor', 'vulnerabilities', 'emphatically', 'exist']);
    expect(taggerPasses()).toBe(passes + 1);
  });
});
