import type { Block, BlockKind, Inline } from './types.js';

/**
 * The one walk over a deck's content, in the manner of marked's Parser handing tokens to a
 * Renderer: a renderer is an object with one method per block kind and one per inline kind, and
 * these functions dispatch to it. A renderer that leaves a kind out does not compile, so a new
 * kind is added in types.ts and then wherever the compiler points, and nowhere else.
 */

export type InlineKind = Inline['kind'];
export type BlockOf<K extends BlockKind> = Extract<Block, { kind: K }>;
export type InlineOf<K extends InlineKind> = Extract<Inline, { kind: K }>;

/** What to do with each kind of block; each method renders the blocks inside its block itself (with `renderBlocks`). */
export type BlockRenderer<T> = { readonly [K in BlockKind]: (block: BlockOf<K>) => T };

/** What to do with each kind of inline node. */
export type InlineRenderer<T> = { readonly [K in InlineKind]: (node: InlineOf<K>) => T };

/** Renders one block with the method for its kind. */
export function renderBlock<T>(block: Block, renderer: BlockRenderer<T>): T {
  return (renderer[block.kind] as (block: Block) => T)(block);
}

/** Renders blocks in order. */
export function renderBlocks<T>(blocks: readonly Block[], renderer: BlockRenderer<T>): T[] {
  return blocks.map((block) => renderBlock(block, renderer));
}

/** Renders one inline node with the method for its kind. */
export function renderInline<T>(node: Inline, renderer: InlineRenderer<T>): T {
  return (renderer[node.kind] as (node: Inline) => T)(node);
}

/** Renders inline nodes in order. */
export function renderInlines<T>(inlines: readonly Inline[], renderer: InlineRenderer<T>): T[] {
  return inlines.map((node) => renderInline(node, renderer));
}
