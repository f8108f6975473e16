/**
 * yaml-ready.ts for the batch face (dist/batch.cjs, built by scripts/build.mjs): the YAML parser
 * is bundled into that script, so it is here at once, without a top-level await.
 */
import * as yaml from 'yaml';
import { useYaml } from './yaml.js';

useYaml(yaml);
