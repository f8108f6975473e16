import * as z from 'zod/mini';
import { checkColor } from './color.js';
import { TOKEN_SCOPES } from './token-scopes.js';
import type { TextStyle, Theme } from './types.js';

/*
 * zod/mini rather than the classic API: it is tree-shaken to a few kilobytes in the bundle, where
 * classic zod costs several milliseconds of module evaluation at every start.
 *
 * Each schema's `error` text names what was expected ("a colour", "true or false"); the loader turns
 * an invalid_type issue into "expected <that>, got <what was there>" and adds the field's path.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const color = z.string({ error: 'a colour' }).check(
  z.superRefine((value: string, ctx) => {
    const result = checkColor(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, input: value });
  }),
);

/** Text drawn as-is; control characters are refused so a theme cannot smuggle escape sequences in. */
const text = z.string({ error: 'text' }).check(
  z.refine((s: string) => !CONTROL.test(s), 'must not contain control characters'),
);

const char = z.string({ error: 'a single character' }).check(
  z.refine((s: string) => [...s].length === 1 && !CONTROL.test(s), 'must be exactly one character'),
);

const charOrEmpty = z.string({ error: 'a single character or ""' }).check(
  z.refine((s: string) => [...s].length <= 1 && !CONTROL.test(s), 'must be one character, or "" for none'),
);

const flag = z.boolean({ error: 'true or false' });

const styleShape = {
  fg: z.optional(color),
  bg: z.optional(color),
  bold: z.optional(flag),
  italic: z.optional(flag),
  underline: z.optional(flag),
  dim: z.optional(flag),
  strikethrough: z.optional(flag),
  inverse: z.optional(flag),
};

/** What an invalid_type issue on a mapping expected; the loader recognises it to add a hint. */
export const OBJECT_EXPECTED = 'a mapping of fields';
const OBJECT = { error: OBJECT_EXPECTED };

const style = z.strictObject(styleShape, OBJECT);

const margin = z
  .int({ error: 'a whole number' })
  .check(z.minimum(0, 'must be 0 or more'), z.maximum(40, 'must be 40 or less'));

/**
 * Builds the theme schema. `complete` requires every field of `Theme` (a base theme with
 * `extends: none`); otherwise every field is optional, to be merged over the parent.
 */
function buildThemeSchema(complete: boolean) {
  // The partial variant is typed as the complete one; RawTheme below gives the honest type.
  const req = <T extends z.core.SomeType>(schema: T): T => (complete ? schema : (z.optional(schema) as unknown as T));
  const styleWith = <S extends z.core.$ZodLooseShape>(extra: S) => {
    const shape = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, req(v)])) as S;
    return z.strictObject({ ...styleShape, ...shape }, OBJECT);
  };
  const heading = styleWith({ prefix: text, underlineChar: charOrEmpty });
  const alert = styleWith({ icon: text, label: text });
  const tokens = z.strictObject(
    Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, z.optional(style)])) as Record<
      (typeof TOKEN_SCOPES)[number],
      z.ZodMiniOptional<typeof style>
    >,
    OBJECT,
  );

  return z.strictObject(
    {
      name: z.optional(text),
      description: z.optional(z.string({ error: 'text' })),
      extends: z.optional(text),
      background: req(color),
      text: req(style),
      headings: req(
        z.strictObject(
          { h1: req(heading), h2: req(heading), h3: req(heading), h4: req(heading), h5: req(heading), h6: req(heading) },
          OBJECT,
        ),
      ),
      strong: req(style),
      emphasis: req(style),
      strike: req(style),
      inlineCode: req(style),
      link: req(style),
      quote: req(styleWith({ bar: text })),
      alerts: req(
        z.strictObject(
          { note: req(alert), tip: req(alert), important: req(alert), warning: req(alert), caution: req(alert) },
          OBJECT,
        ),
      ),
      list: req(
        z.strictObject(
          {
            bullets: req(
              z.array(text, { error: 'a list of bullet strings' }).check(z.minLength(1, 'needs at least one bullet')),
            ),
            marker: req(style),
            taskDone: req(text),
            taskOpen: req(text),
          },
          OBJECT,
        ),
      ),
      code: req(
        z.strictObject(
          { block: req(style), lineNumber: req(style), highlightLine: req(style), highlightMarker: req(styleWith({ char })), tokens: req(tokens) },
          OBJECT,
        ),
      ),
      table: req(z.strictObject({ border: req(style), header: req(style) }, OBJECT)),
      rule: req(styleWith({ char })),
      image: req(style),
      footer: req(
        z.strictObject(
          {
            text: req(style),
            progress: req(style),
            progressEmpty: req(style),
            progressChar: req(char),
            progressEmptyChar: req(char),
          },
          OBJECT,
        ),
      ),
      overflow: req(style),
      banner: req(z.strictObject({ error: req(style), info: req(style) }, OBJECT)),
      searchMatch: req(style),
      margin: req(z.strictObject({ horizontal: req(margin), vertical: req(margin) }, OBJECT)),
    },
    { error: 'a mapping of theme fields' },
  );
}

export type ThemeSchema = ReturnType<typeof buildThemeSchema>;

let partialSchema: ThemeSchema | undefined;
let completeSchema: ThemeSchema | undefined;

/** The schema of a theme file, every field optional. Built on first use. */
export function rawThemeSchema(): ThemeSchema {
  return (partialSchema ??= buildThemeSchema(false));
}

/** The schema of a base theme (`extends: none`), every field of Theme required. Built on first use. */
export function completeThemeSchema(): ThemeSchema {
  return (completeSchema ??= buildThemeSchema(true));
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** A theme file as written: every field optional, plus what to extend. */
export type RawTheme = DeepPartial<Omit<Theme, 'name'>> & { name?: string; description?: string; extends?: string };

// Compile-time guards that the schema and the Theme contract agree, in both directions.
type CompleteOutput = Omit<z.output<ThemeSchema>, 'name' | 'description' | 'extends'>;
const schemaFitsTheme = (t: CompleteOutput): Omit<Theme, 'name'> => t;
const themeFitsSchema = (t: Omit<Theme, 'name'>): CompleteOutput => t;
const styleFitsSchema = (t: TextStyle): z.output<typeof style> => t;
void schemaFitsTheme;
void themeFitsSchema;
void styleFitsSchema;
