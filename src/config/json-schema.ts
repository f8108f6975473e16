import * as z from 'zod/mini';
import { configSchema } from './schema.js';

/** The configuration's JSON Schema, as shipped in config.schema.json for editors (yaml-language-server). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    title: 'talkdeck configuration ($XDG_CONFIG_HOME/talkdeck/config.yaml)',
  };
}
