import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/compile/article.js';

/**
 * Block structure the scanner must see, on passages of real articles (the Vue documentation's
 * Chinese translation, vuejs-translations/docs-zh-cn `src/guide/extras/composition-api-faq.md`,
 * CC BY 4.0).
 */
describe('custom containers (VitePress, Docusaurus, markdown-it-container)', () => {
  const faq = [
    '# 组合式 API 常见问答 {#composition-api-faq}',
    '',
    ':::tip',
    '这个 FAQ 假定你已经有一些使用 Vue 的经验，特别是用选项式 API 使用 Vue 2 的经验。',
    ':::',
    '',
    '组合式 API 能够覆盖所有状态逻辑方面的需求。除此之外，只需要用到一小部分选项：`props`，`emits`，`name` 和 `inheritAttrs`。',
    '',
    '::: warning 注意',
    '从 3.3 开始你可以直接通过 `<script setup>` 中的 `defineOptions` 来设置组件名或 `inheritAttrs` 属性。',
    ':::',
    '',
  ].join('\n');

  test('a container\'s fences are markup: no sentence holds ":::tip" or ":::", and what is inside is prose of its own lines', () => {
    const article = readArticle(0, 'faq.md', faq);
    expect(article.sentences.map((s) => s.plain).filter((p) => p.includes(':::'))).toEqual([]);
    const inside = article.sentences.find((s) => s.plain.startsWith('这个 FAQ'));
    expect(inside).toMatchObject({ startLine: 4, endLine: 4, quote: '这个 FAQ 假定你已经有一些使用 Vue 的经验，特别是用选项式 API 使用 Vue 2 的经验。' });
    const labelled = article.sentences.find((s) => s.plain.includes('defineOptions'));
    expect(labelled).toMatchObject({ startLine: 10, endLine: 10 });
    expect(labelled?.plain).not.toMatch(/warning|注意/u);
  });
});
