export type * from './types.js';
export { assertNever } from './assert-never.js';
export { LocatedError } from './located-error.js';
export * from './navigation.js';
export { inlineText, blocksText, slideText, type InlineTextOptions } from './text.js';
