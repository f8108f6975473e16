import { describe, expect, test } from 'vitest';
import { compileTalkDetailed } from '../../src/compile/index.js';
import { conclusionCue, conclusionHeading } from '../../src/compile/takeaways.js';
import { BUNDLED, readIn, UNIKERNELS_DIR } from './helpers.js';

const ESSAY = `# Why the rewrite failed

We rewrote our billing system in a new language over eighteen months. The team was excited, the design reviews went well, and the first demos looked promising to everyone involved.

## What went wrong

Every integration with the old system needed an adapter, and every adapter needed tests that nobody had time to write. The old system kept changing underneath us while we copied its behaviour. Our customers noticed the slower releases long before we admitted them to ourselves.

The support team had to learn two systems at once. Meetings about the migration took more of the week than the migration itself.

## Conclusion

In short, a rewrite competes with the system it replaces, and the old system does not stand still. The lesson is to replace a system one piece at a time, behind the same interface.

**The friction killed them.**
`;

describe('takeaways are the conclusions', () => {
  const { talk } = compileTalkDetailed([{ path: 'sources/essay.md', text: ESSAY }]);
  const takeaways = talk.slides.find((s) => s.kind === 'takeaways');
  const texts = takeaways?.bullets.map((b) => b.text) ?? [];

  test('three to five, from the concluding section, its cue phrases and the closing line in bold', () => {
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.length).toBeLessThanOrEqual(5);
    expect(texts).toContain('The friction killed them');
    expect(texts.some((t) => /replace a system one piece at a time/u.test(t))).toBe(true);
    expect(texts.some((t) => /rewrite competes with the system it replaces/u.test(t))).toBe(true);
  });

  test('no repeats', () => {
    expect(new Set(texts).size).toBe(texts.length);
  });

  test('the bundled talk ends on its verdict, not on "Let\'s get a definition first"', () => {
    const bundled = compileTalkDetailed(BUNDLED.map((path) => ({ path, text: readIn(UNIKERNELS_DIR, path) ?? '' })));
    const verdict = bundled.talk.slides.find((s) => s.kind === 'takeaways')?.bullets.map((b) => b.text) ?? [];
    expect(verdict.join('\n')).toMatch(/most productive as a negative result/u);
    expect(verdict.join('\n')).not.toMatch(/definition first|final reemphasis/u);
  });

  test('cue phrases and conclusion headings are recognised in English and Chinese', () => {
    expect(conclusionCue('In the fullness of time, unikernels will be a negative result.')).toBe(true);
    expect(conclusionCue('总而言之，单内核不适合生产。')).toBe(true);
    expect(conclusionCue('The kernel schedules threads.')).toBe(false);
    expect(conclusionHeading('Conclusion')).toBe(true);
    expect(conclusionHeading('结语')).toBe(true);
    expect(conclusionHeading('Installation')).toBe(false);
  });
});

describe('a bold label is no takeaway', () => {
  test('"**October 1, 2019, Update:**" leads into what follows: no takeaway ends in a colon', () => {
    const text = '# Announcing the store\n\n**October 1, 2019, Update:** _The store is currently offline._\n\nWe are excited to launch the new official store, shipping worldwide.\nWe are even more excited to announce that **all of the proceeds** from the store go directly to a non-profit organisation that teaches technical skills.\n\nWe plan on adding stock to current items and bringing on new ones to the store.\nHappy shopping!\n';
    const talk = compileTalkDetailed([{ path: 'store.md', text }]).talk;
    const takeaways = talk.slides.find((s) => s.kind === 'takeaways');
    expect(takeaways?.bullets.length).toBeGreaterThan(0);
    expect(takeaways?.bullets.filter((b) => /[:：]\s*$/u.test(b.text))).toEqual([]);
  });
});
