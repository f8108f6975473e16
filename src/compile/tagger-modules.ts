/**
 * wink-nlp and the small parts of its English model, when they are bundled into the script that
 * runs the compiler: the batch face's build (scripts/build.mjs) puts a module of its own in this
 * one's place, made from the same list of parts as dist/tagger.cjs, so that its code cache holds
 * the tagger's code too. Everywhere else (the
 * chunks, which load dist/tagger.cjs, and the sources) there are none: english.ts loads them.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TaggerModules<Wink> {
  winkNLP: (model: unknown, pipe?: string[]) => Wink;
  part: (name: string) => Json;
}

export function bundledTagger<Wink>(): TaggerModules<Wink> | null {
  return null;
}
