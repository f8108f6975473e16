import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/compile/sentences.js';

function split(text: string, defs: Map<string, string> = new Map()): string[] {
  return splitSentences(text, defs).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  test.each<[string, string, string[]]>([
    ['plain sentences', 'One fish. Two fish! Red fish? Blue fish.', ['One fish.', 'Two fish!', 'Red fish?', 'Blue fish.']],
    ['e.g. and i.e. go on', 'Use a shield, e.g. a stack of plates. It works, i.e. it shades.', ['Use a shield, e.g. a stack of plates.', 'It works, i.e. it shades.']],
    ['titles before names', 'Dr. Li met Mr. Berg and Mrs. Ode. Prof. Kowalski came too.', ['Dr. Li met Mr. Berg and Mrs. Ode.', 'Prof. Kowalski came too.']],
    ['vs. and etc.', 'Asphalt vs. Grass was the test. Trees, planters etc. Were measured too.', ['Asphalt vs. Grass was the test.', 'Trees, planters etc. Were measured too.']],
    ['decimals and versions', 'It reached 52.4 degrees. Version 2.0.1 fixed it.', ['It reached 52.4 degrees.', 'Version 2.0.1 fixed it.']],
    ['numbers after abbreviations', 'See Fig. 3 and No. 5 below. Then stop.', ['See Fig. 3 and No. 5 below.', 'Then stop.']],
    ['initials', 'J. R. Smith wrote it. He was right.', ['J. R. Smith wrote it.', 'He was right.']],
    ['bare URLs', 'Read https://example.org/a.b.html first. Then go.', ['Read https://example.org/a.b.html first.', 'Then go.']],
    ['link targets', 'See [the report](https://x.org/v1.2/r.pdf). It helps.', ['See [the report](https://x.org/v1.2/r.pdf).', 'It helps.']],
    ['code spans', 'Call `a.b(). c` now. Done.', ['Call `a.b(). c` now.', 'Done.']],
    ['closing quotes and brackets', 'He said "stop." Then he left. (It was late.) We slept.', ['He said "stop."', 'Then he left.', '(It was late.)', 'We slept.']],
    ['a lower-case continuation', 'The value (approx. ten) is fine. Next.', ['The value (approx. ten) is fine.', 'Next.']],
    ['an ellipsis', 'They are so thin… Before we go on. Wait...', ['They are so thin…', 'Before we go on.', 'Wait...']],
    ['lines of a wrapped paragraph', 'A sentence that\nwraps. Another\none.', ['A sentence that\nwraps.', 'Another\none.']],
    ['Chinese punctuation', '单内核是一种应用程序。它很小！真的吗？是的。', ['单内核是一种应用程序。', '它很小！', '真的吗？', '是的。']],
    ['Chinese quotes close the sentence', '他写道:“你基本上就完蛋了。”。然后呢？', ['他写道:“你基本上就完蛋了。”。', '然后呢？']],
    ['an image between Chinese sentences', '需要移植。![图](img/a.png)更糟糕的是，很难调试。', ['需要移植。', '![图](img/a.png)更糟糕的是，很难调试。']],
    ['Latin abbreviations inside Chinese text', 'Dr. Wang 来了。他很忙。', ['Dr. Wang 来了。', '他很忙。']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('a reference link defined elsewhere is not cut', () => {
    const defs = new Map([['a', 'https://example.org/x.y']]);
    expect(split('By [Jane Doe][a]. Next one.', defs)).toEqual(['By [Jane Doe][a].', 'Next one.']);
  });
});
