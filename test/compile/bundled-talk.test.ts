import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileCorpus, CORPORA, UNIKERNELS_DIR } from './helpers.js';

test('decks/unikernels/talk.md is what its sources compile to (at their natural length)', () => {
  const committed = readFileSync(`${UNIKERNELS_DIR}talk.md`, 'utf8');
  // To refresh after a change to the compiler: talkdeck build sources/… sources/… -o talk.md (in decks/unikernels).
  expect(compileCorpus(CORPORA[0] as (typeof CORPORA)[number])).toBe(committed);
});
