/**
 * Loads the YAML parser before the parse face's users run: imported first by parse/index.ts, so
 * every parse through the face has it. A module of its own, because its top-level await is the one
 * thing the batch face (one CommonJS script, scripts/build.mjs) cannot hold: that build puts
 * yaml-ready-now.ts in its place.
 */
import { loadYaml } from './yaml.js';

await loadYaml();
