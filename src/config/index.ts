/** The configuration file: its schema, parsing with located errors, and its JSON Schema. */
export { parseConfig, defaultConfig, DEFAULT_TIMEOUT_MS, type Config, type ExecutorConfig, type KeyRules } from './load-config.js';
export { IMAGE_PROTOCOLS, EXPORT_FORMATS, type ImageProtocolChoice } from './schema.js';
export { ConfigError } from './config-error.js';
export { configJsonSchema } from './json-schema.js';
