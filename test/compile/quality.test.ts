import { describe, expect, test } from 'vitest';
import { assessTalk, compileTalkDetailed } from '../../src/compile/index.js';
import { fragmentBullet } from '../../src/compile/condense.js';
import { emptyTitle, titleFault } from '../../src/compile/titles.js';

/**
 * What the quality report counts as a fragment, on titles and bullets the compiler made from real
 * articles before it knew better: kubernetes/website's v1.30 release post and its Chinese
 * stateless-application task page (CC BY 4.0), nodejs/nodejs.org's Node.js Foundation momentum
 * announcement (MIT), the Vue documentation's Chinese Composition API FAQ (CC BY 4.0), and the
 * corpus's MIT licence line by line, TiDB architecture page and BBC Micro essay.
 */
describe('fragment titles: cut inside a name, hanging on a Chinese word, or empty', () => {
  test('a title that starts or ends inside a name is cut ("30 introduces new stable", "Js Project …", "2 的经验")', () => {
    expect(titleFault('30 introduces new stable', 'Similar to previous releases, the release of Kubernetes v1.30 introduces new stable, beta, and alpha features.')).toBe('cut-name');
    expect(titleFault('Js Project issued 63 new releases', 'In 2016, the Node.js Project issued 63 new releases with seven different release managers.')).toBe('cut-name');
    expect(titleFault('Js Foundation was created to accelerate the development of Node', 'Founded in 2015, the Node.js Foundation was created to accelerate the development of Node.js and support the large ecosystem that encompasses it through open governance.')).toBe('cut-name');
    expect(titleFault('2 的经验', '这个 FAQ 假定你已经有一些使用 Vue 的经验，特别是用选项式 API 使用 Vue 2 的经验。')).toBe('cut-name');
    expect(titleFault('Kubernetes v1.30 introduces the `spec.trafficDistribution` field', 'Kubernetes v1.30 introduces the `spec.trafficDistribution` field within a Kubernetes Service as alpha.')).toBeNull();
  });

  test('a Chinese title that ends on 是, 通过, 能够 … hangs', () => {
    expect(titleFault('开源软件的第二个伟大思想是', '开源软件的第二个伟大思想是，利用软件对被许可人的价值来激励被许可人遵守条件，即使被许可人没有支付任何许可费用。')).toBe('function-word');
    expect(titleFault('多副本应用通过', '在 Deployment 和 ReplicaSet 被引入到 Kubernetes 之前，多副本应用通过')).toBe('function-word');
    expect(titleFault('组合式 API 能够覆盖所有状态逻辑方面的需求', '组合式 API 能够覆盖所有状态逻辑方面的需求。')).toBeNull();
  });

  test('a title with nothing to read is empty: "", "{}"', () => {
    expect([emptyTitle(''), emptyTitle('{}'), emptyTitle(' … '), emptyTitle('Vue 2 的经验')]).toEqual([true, true, true, false]);
  });

  test('the report counts them', () => {
    const text = [
      '# The Node.js Platform and Node.js Foundation Continue to Grow',
      '',
      'With more than 15 million downloads per month and more than a billion package downloads per week, Node.js is considered the biggest open source platform powering everything from web, IoT and desktop applications to microservice architectures. In 2016, the Node.js Project issued 63 new releases with seven different release managers. Node.js version 4 was the most popular release with release downloads increasingly 220% year over year.',
      '',
      'During the conference, the Node.js Foundation also launched **its second user survey**, which will remain open until the end of December. This survey builds on the questions asked in the first Node.js Foundation survey, which was conducted in January 2016, and adds a number of questions designed to shed even more light on who uses Node.js, where they are located, how they learned Node.js, what they use it for, what other technologies they use it with and more.',
      '',
    ].join('\n');
    const articles = [{ path: 'sources/news.md', text }];
    const compiled = compileTalkDetailed(articles, { minutes: 3 });
    expect(assessTalk(articles, compiled).fragmentTitles).toBe(0);
    // The titles an earlier compiler gave these slides.
    const content = compiled.talk.slides.filter((s) => s.kind === 'content');
    expect(content.length).toBeGreaterThanOrEqual(1);
    const first = content[0] as (typeof content)[number];
    first.title = 'Js Project issued 63 new releases';
    first.titleSource = 'In 2016, the Node.js Project issued 63 new releases with seven different release managers.';
    const second = { ...first, title: '{}', titleSource: '' };
    compiled.talk.slides.push(second);
    const quality = assessTalk(articles, compiled);
    expect(quality.fragmentTitles).toBe(2);
    expect(quality.fragmentExamples).toEqual(['Js Project issued 63 new releases', '{}']);
  });
});

describe('fragment bullets: a Chinese piece hanging on its last word', () => {
  test('ends on 通过, 是, 在一个 …: a fragment, unless it is the author\'s whole sentence', () => {
    // The sentence a hard-wrapped line left: it had no full stop of its own.
    expect(fragmentBullet('多副本应用通过', '多副本应用通过')).toBe(true);
    expect(fragmentBullet('且你可以在一个', '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用, 且你可以在一个')).toBe(true);
    expect(fragmentBullet('和普通 TiKV 节点不一样的是', '和普通 TiKV 节点不一样的是，在 TiFlash 内部，数据是以列式的形式进行存储，主要的功能是为分析型的场景加速。')).toBe(true);
    expect(fragmentBullet('我们的结论是', '但我们的结论是，如果该系列节目要拥有可持续性的教育价值，它就必须通过对计算原理的解释，成为进入真实计算世界的一种方式。')).toBe(true);
    // 是…的 closes a clause.
    expect(fragmentBullet('所有的大型的计算机公司都是美国的', '英国似乎已经在计算机技术的角逐中落后了 —— 所有的大型的计算机公司都是美国的，而集成电路则在日本和中国台湾制造。')).toBe(false);
    expect(fragmentBullet('本软件是“如此”提供的', '本软件是“如此”提供的，没有任何形式的明示或暗示的保证，包括但不限于对适销性、特定用途的适用性和不侵权的保证。')).toBe(false);
  });
});
