/**
 * tagger-modules.ts for the batch face (dist/batch.cjs, built by scripts/build.mjs): wink-nlp and
 * the parts of its model that dist/tagger.cjs holds, bundled, each part read on first use. The
 * requires are the bundler's to resolve; this module is never run from the sources.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { TaggerModules } from './tagger-modules.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PARTS: Record<string, () => Json> = {
  'load-sbd-model': () => require('wink-eng-lite-web-model/dist/load-sbd-model.js') as Json,
  'load-pos-model': () => require('wink-eng-lite-web-model/dist/load-pos-model.js') as Json,
  'load-negation-model': () => require('wink-eng-lite-web-model/dist/load-negation-model.js') as Json,
  'load-cer-meta-model': () => require('wink-eng-lite-web-model/dist/load-cer-meta-model.js') as Json,
  feature: () => require('wink-eng-lite-web-model/dist/feature.js') as Json,
  'porter-stemmer': () => require('wink-eng-lite-web-model/dist/porter-stemmer.js') as Json,
  lemmatize: () => require('wink-eng-lite-web-model/dist/lemmatize.js') as Json,
  'readability-stats': () => require('wink-eng-lite-web-model/dist/readability-stats.js') as Json,
};

export function bundledTagger<Wink>(): TaggerModules<Wink> {
  return {
    winkNLP: require('wink-nlp') as TaggerModules<Wink>['winkNLP'],
    part: (name) => {
      const part = PARTS[name];
      if (!part) throw new Error(`no part ${name} in the bundled English model`);
      return part();
    },
  };
}
