/**
 * parse/: deck Markdown → Deck. The only user of `marked`; its tokens never leave this folder.
 */
// Parsing through this face reads YAML wherever a deck has it: the parser is here before any call.
import './yaml-ready.js';

export { parseDeck, parseDeckWithDialect, normalizeText, type ParseDeckOptions, type DialectDeck, type KeptSlides, type IncludeReader, type SourceReader } from './parse-deck.js';
export { loadDeck, loadDeckWithDialect, type LoadDeckOptions } from './load.js';
export { detectDialect, normalizeDialect, DIALECT_NAMES, type DialectName, type DialectGuess } from './dialects/index.js';
export { ParseError } from './parse-error.js';
export { parseMarkdownBlocks } from './markdown.js';
export { formatDiagnostic } from './diagnostic.js';
export { parseDuration, type BareDurationUnit } from './duration.js';
export { parseDirective, escapeOutput, DIRECTIVE_NAMES, type Directive, type DirectiveResult } from './directives.js';
export { parseCodeInfo, type CodeInfo } from './code-info.js';
export { FRONT_MATTER_KEYS } from './front-matter.js';
export * from './source-ref.js';
