/**
 * The highlight.js scopes a theme may style under `code.tokens`: the scopes highlight.js 11 documents
 * plus every scope its bundled grammars emit (collected from the installed grammars). A key outside
 * this list is reported as an unknown field, so a typo such as `keywrod` does not silently do nothing.
 * The renderer looks a dotted scope up from most to least specific: 'title.function', then 'title'.
 */
export const TOKEN_SCOPES = [
  // General purpose
  'keyword',
  'built_in',
  'type',
  'literal',
  'number',
  'operator',
  'punctuation',
  'property',
  'regexp',
  'regex',
  'string',
  'char.escape',
  'character',
  'subst',
  'symbol',
  'variable',
  'variable.language',
  'variable.constant',
  'title',
  'title.class',
  'title.class.inherited',
  'title.function',
  'title.function.invoke',
  'function.dispatch',
  'params',
  'comment',
  'doctag',
  // Meta
  'meta',
  'meta.prompt',
  'section',
  // Markup and tags
  'tag',
  'name',
  'attr',
  'attribute',
  'bullet',
  'code',
  'emphasis',
  'strong',
  'formula',
  'link',
  'quote',
  'label',
  // CSS
  'selector-tag',
  'selector-id',
  'selector-class',
  'selector-attr',
  'selector-pseudo',
  // Templates
  'template-tag',
  'template-variable',
  // Diff
  'addition',
  'deletion',
  // Emitted by a few grammars only
  'class',
  'function',
  'class.title',
  'rest_arg',
  'slot',
  'pattern',
  'brace',
  'builtin-symbol',
  'named-character',
  'message-name',
  'computation-expression',
  'keyframePosition',
] as const;

