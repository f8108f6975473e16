import * as z from 'zod/mini';

/*
 * The configuration file's shape. zod/mini, as for themes: a few kilobytes and no start-up cost to
 * speak of. Each `error` text names what was expected; the loader says where and what was found.
 * config.schema.json (shipped in the package, for editors) is generated from this by
 * `configJsonSchema()`; a test keeps the two the same.
 */

export const IMAGE_PROTOCOLS = ['auto', 'kitty', 'iterm2', 'sixel', 'blocks', 'none'] as const;
export type ImageProtocolChoice = (typeof IMAGE_PROTOCOLS)[number];

export const EXPORT_FORMATS = ['html', 'pdf', 'pptx', 'md', 'txt', 'json'] as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const text = z.string({ error: 'text' }).check(z.refine((s: string) => !CONTROL.test(s), 'must not contain control characters'));
const flag = z.boolean({ error: 'true or false' });
const positive = z.number({ error: 'a number' }).check(z.positive('must be more than 0'));
/** A duration: `30s`, `2m`, `1500ms`, or a number of seconds. */
const duration = z.union([positive, z.string().check(z.regex(/^\s*\d+(\.\d+)?\s*(ms|s|m)\s*$/u, 'a duration like 30s, 2m or 1500ms'))], {
  error: 'a duration like 30s, 2m or 1500ms',
});
const keyList = z.array(text, { error: 'a list of keys, e.g. [right, l]' });

/** A custom executor: how to run a snippet of one language. */
const executor = z.strictObject(
  {
    /** The command and its arguments; `{file}` is the snippet's file, `{dir}` its folder. */
    command: z.array(text, { error: 'a command as a list, e.g. [deno, run, "{file}"]' }).check(z.minLength(1, 'must name a program')),
    /** The snippet's file name (its extension matters to some tools); default `snippet.<language>`. */
    filename: z.optional(text),
    /** Lines starting with this run but are not shown (presenterm's hidden lines). */
    hidden_line_prefix: z.optional(z.string({ error: 'text' })),
    environment: z.optional(z.record(z.string(), z.string({ error: 'text' }), { error: 'a mapping of names to values' })),
  },
  { error: 'a mapping with command, filename, hidden_line_prefix, environment' },
);

const OBJECT = { error: 'a mapping of fields' };

export const configSchema = z.strictObject(
  {
    /** The theme for decks that name none, and for `--theme` left out. */
    theme: z.optional(text),
    image_protocol: z.optional(z.enum(IMAGE_PROTOCOLS, { error: `one of ${IMAGE_PROTOCOLS.join(', ')}` })),
    exec: z.optional(
      z.strictObject(
        {
          /** Run `+exec` blocks on Ctrl-E, as `-x` does. */
          enable: z.optional(flag),
          /** Run `+exec_replace` blocks, as `-X` does. */
          enable_replace: z.optional(flag),
          /** A snippet still running after this is stopped. */
          timeout: z.optional(duration),
          /** Executors by language, over the built-in ones. */
          executors: z.optional(z.record(z.string(), executor, OBJECT)),
        },
        OBJECT,
      ),
    ),
    rates: z.optional(
      z.strictObject(
        {
          wpm: z.optional(positive),
          cjk_cpm: z.optional(positive),
        },
        OBJECT,
      ),
    ),
    notes: z.optional(
      z.strictObject(
        {
          /** Also publish in presenterm's speaker-notes protocol, as `--publish-speaker-notes` does. */
          publish_speaker_notes: z.optional(flag),
        },
        OBJECT,
      ),
    ),
    /** Keys by action, replacing that action's default keys. */
    keys: z.optional(z.record(z.string(), keyList, OBJECT)),
    export: z.optional(
      z.strictObject(
        {
          format: z.optional(z.enum(EXPORT_FORMATS, { error: `one of ${EXPORT_FORMATS.join(', ')}` })),
          theme: z.optional(text),
          handout: z.optional(flag),
          steps: z.optional(flag),
        },
        OBJECT,
      ),
    ),
  },
  OBJECT,
);

export type RawConfig = z.infer<typeof configSchema>;
