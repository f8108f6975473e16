import { dirname, relative, resolve, sep } from 'node:path';
import { readRegularText } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { MAX_TALK_MINUTES, parsePositive } from '../options.js';
import { checkOutput, writeOutput } from '../write-output.js';

interface BuildOptions {
  output: string;
  minutes: number;
  title?: string;
}

/** `talkdeck build ARTICLE... -o DECK`: compiles articles into a talk. */
export const build = defineCommand<[string[]], BuildOptions>({
  name: 'build',
  declare: (command) =>
    command
      .description('compile articles into a talk')
      .argument('<articles...>', 'Markdown or text articles; the first leads the talk')
      .requiredOption('-o, --output <deck>', 'the deck file to write')
      .option('-m, --minutes <n>', 'length of the talk', parsePositive('--minutes', MAX_TALK_MINUTES), 20)
      .option('--title <title>', "title of the talk (default: the first article's)"),
  run: async ([articles], options, { io, output: print }) => {
    const { compileTalk, CompileError } = await import('../../compile/index.js');
    const output = resolve(io.cwd, options.output);
    const outDir = dirname(output);
    const inputs = articles.map((article) => {
      const absolute = resolve(io.cwd, article);
      if (absolute === output) throw new UsageError(`-o ${options.output} would overwrite the article ${article}; choose another -o`);
      return { path: relative(outDir, absolute).split(sep).join('/'), text: readRegularText(absolute, 'article', { shown: article }), shown: article };
    });
    checkOutput(output, options.output, 'talk.md');
    let markdown: string;
    try {
      markdown = compileTalk(
        inputs.map(({ path, text }) => ({ path, text })),
        { minutes: options.minutes, title: options.title },
      );
    } catch (error) {
      // Compile errors name the article by its path relative to the deck; show the user's name for it.
      const input = error instanceof CompileError ? inputs.find((i) => i.path === error.file) : undefined;
      if (input) throw new InputError(input.shown, (error as Error).message);
      throw error;
    }
    writeOutput(output, options.output, markdown);
    print.out(`${options.output}: written from ${articles.length} article(s)\n`);
    return EXIT.ok;
  },
});
