import type * as Yaml from 'yaml';

/**
 * The YAML parser for the parts of parse/ that read YAML only now and then (a dialect's front
 * matter, notes written as a YAML block, Marp's comment directives), loaded on demand: the deck's
 * outline (outline.ts), on the presenter's start path, should not pay for loading the parser for a
 * deck that has none of those. The parse face (index.ts) loads it before anything else runs, so
 * every parse through the face has it; the outline loads it only when a deck needs it.
 */
let loaded: typeof Yaml | undefined;

/** YAML was met before the parser was loaded: call loadYaml() and try again. */
export class YamlNotLoaded extends Error {
  override name = 'YamlNotLoaded';

  constructor() {
    super('the YAML parser is not loaded yet');
  }
}

/** Loads the YAML parser; parseYamlDocument works from then on. */
export async function loadYaml(): Promise<void> {
  // yaml is CommonJS: Node's loader names its exports, but in the bundle the namespace of the
  // dynamic import holds only `default`.
  const module = (await import('yaml')) as typeof Yaml & { default?: typeof Yaml };
  loaded ??= typeof module.parseDocument === 'function' ? module : module.default;
  if (typeof loaded?.parseDocument !== 'function') throw new Error('the YAML parser could not be loaded');
}

/** Takes the YAML parser as a module already loaded (the batch face bundles it: see yaml-ready-now.ts). */
export function useYaml(module: typeof Yaml): void {
  loaded ??= module;
}

/** yaml's parseDocument; throws YamlNotLoaded before loadYaml() has finished. */
export function parseYamlDocument(source: string, options?: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions): Yaml.Document.Parsed {
  if (!loaded) throw new YamlNotLoaded();
  return loaded.parseDocument(source, options);
}

/** Rethrows YamlNotLoaded: code that reads any other error as "not valid YAML" must not read this one so. */
export function rethrowIfNotLoaded(error: unknown): void {
  if (error instanceof YamlNotLoaded) throw error;
}
