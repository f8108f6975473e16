/**
 * The house's rules, checked by `npm test` (`depcruise src`). The layering is the one drawn in
 * ARCHITECTURE.md: each folder imports only from the floors below it, through their public faces.
 */

/** What each folder may import from the rest of src/, besides itself. */
const MAY_IMPORT = {
  deck: [],
  text: [],
  io: ['deck'],
  parse: ['deck', 'text', 'io'],
  config: ['deck', 'text', 'io'],
  exec: ['deck', 'text', 'io', 'config'],
  theme: ['deck', 'text', 'io'],
  compile: ['deck', 'text', 'io', 'parse'],
  render: ['deck', 'text', 'theme'],
  rehearse: ['deck', 'text', 'io', 'theme', 'render'],
  image: ['deck', 'text', 'render', 'io'],
  export: ['deck', 'text', 'theme', 'render', 'io'],
  present: ['deck', 'text', 'theme', 'render', 'io', 'config', 'exec', 'image'],
  serve: ['deck', 'text', 'io', 'theme', 'render', 'export'],
  cli: ['deck', 'text', 'io', 'config', 'exec', 'image', 'parse', 'theme', 'compile', 'render', 'rehearse', 'export', 'present', 'serve'],
};

/**
 * Public faces besides each folder's index.ts, each for start-up time or bundle size: loading the
 * folder's index would bring in more than the importer needs.
 */
const SECOND_FACES = [
  // Ink and React stay out of the pure renderer's face: layout, print and check never load them.
  'src/render/ink\\.ts$',
  // The command line's entry paints the first frame from the start cache with this file alone,
  // bundled into the entry: the presenter's index would bring in the notes channel and the keymap.
  'src/present/kept-frame\\.ts$',
  // The first frame from the start cache needs the colour depth before the theme loader (yaml, zod) and chalk are loaded.
  'src/theme/color-level\\.ts$',
  // The compiler's bundle (dist/compile.js, for the benchmark) writes source directives without marked and yaml.
  'src/parse/source-ref\\.ts$',
  // The presenter's first frame after an edit of a later slide is found from the deck's outline,
  // split into slides without marked: loading the parser would cost more than painting.
  'src/parse/outline\\.ts$',
  // The export command: the exporter loads each format's modules when it is asked for, so an HTML
  // export reads neither string-width nor the PDF and PPTX makers that the folder's index brings in.
  'src/export/export-deck\\.ts$',
];

const layering = Object.entries(MAY_IMPORT).map(([folder, allowed]) => ({
  name: `layering-${folder}`,
  comment: `${folder}/ imports only from ${allowed.length ? allowed.join(', ') : 'nothing else in src'} (ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: [`^src/(${[folder, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    ...layering,
    {
      name: 'only-through-index',
      comment: 'folders import each other only through their index.ts (or a second face listed in SECOND_FACES, with its reason)',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', ...SECOND_FACES] },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'cli/ is the top floor: nothing imports it',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'deck-imports-nothing',
      comment: 'deck/ is pure data: no package, no Node module, nothing outside deck/',
      severity: 'error',
      from: { path: '^src/deck/' },
      to: { pathNot: '^src/deck/' },
    },
    {
      name: 'only-parse-imports-marked',
      comment: 'marked tokens never leave parse/',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/parse/' },
      to: { path: 'node_modules/marked/' },
    },
    {
      name: 'only-render-and-present-import-ink',
      comment: 'Ink (and React) are the renderer\'s and the presenter\'s',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(render|present)/' },
      to: { path: 'node_modules/(ink|react)/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
