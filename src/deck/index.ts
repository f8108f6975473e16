export type * from './types.js';
export { assertNever } from './assert-never.js';
export { LocatedError } from './located-error.js';
export * from './navigation.js';
export { renderBlock, renderBlocks, renderInline, renderInlines, type BlockRenderer, type InlineRenderer, type BlockOf, type InlineOf, type InlineKind } from './walk.js';
export { inlineText, blocksText, slideText, type InlineTextOptions, type PlainTextOptions, type TextLayout } from './plain-text.js';
