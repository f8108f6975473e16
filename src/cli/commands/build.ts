import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { writeErrorFrom } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { MAX_TALK_MINUTES, parsePositive } from '../options.js';
import { checkOutput, writeOutput } from '../write-output.js';

interface BuildOptions {
  output: string;
  minutes?: number;
  title?: string;
  lang?: string;
}

/**
 * `talkdeck build ARTICLE... -o DECK`: compiles articles into a talk. Everything about the build
 * itself (where articles are cited from, what is copied into the deck's sources/, the messages)
 * is compile's planBuild; this command parses options, writes what the plan lists and prints.
 */
export const build = defineCommand<[string[]], BuildOptions>({
  name: 'build',
  declare: (command) =>
    command
      .description('compile articles into a talk')
      .argument('<articles...>', 'Markdown or text articles; the first leads the talk')
      .requiredOption('-o, --output <deck>', 'the deck file to write')
      .option('-m, --minutes <n>', 'length of the talk (default: as long as the articles hold)', parsePositive('--minutes', MAX_TALK_MINUTES))
      .option('--title <title>', "title of the talk (default: the first article's)")
      .option('--lang <code>', "language of the agenda, takeaways and questions slides: en, zh or ja (default: the first article's)"),
  run: async ([articles], options, { io, output: print }) => {
    const { planBuild, isTalkLanguage, TALK_LANGUAGES, CompileError, coverTalk, coverageSummary, coveredHeadings, recordCoveredHeadings } = await import('../../compile/index.js');
    const lang = options.lang;
    if (lang !== undefined && !isTalkLanguage(lang)) throw new UsageError(`--lang wants one of ${TALK_LANGUAGES.join(', ')}, not "${lang}"`);
    const output = resolve(io.cwd, options.output);
    for (const article of articles) {
      if (resolve(io.cwd, article) === output) throw new UsageError(`-o ${options.output} would overwrite the article ${article}; choose another -o`);
    }
    checkOutput(output, options.output, 'talk.md');
    let plan;
    try {
      plan = planBuild({ articles, output: options.output, cwd: io.cwd, minutes: options.minutes, title: options.title, lang });
    } catch (error) {
      if (error instanceof CompileError) throw new InputError(error.file, error.hint ? `${error.message}; ${error.hint}` : error.message, error.line, error.column);
      throw error;
    }
    for (const copy of plan.copies) {
      try {
        mkdirSync(dirname(copy.to), { recursive: true });
      } catch (error) {
        throw writeErrorFrom(error, relative(io.cwd, dirname(copy.to)), 'nothing was written');
      }
      writeOutput(copy.to, relative(io.cwd, copy.to), copy.data);
    }
    // What the talk covers, from the plan the deck was written from and the articles as compiled
    // (the same figures as `coverage` gives for the deck as written, without reading it back); the
    // headings covered are recorded in the deck for `check` to compare.
    const coverage = coverTalk(plan.talk, plan.articles);
    writeOutput(output, options.output, recordCoveredHeadings(plan.markdown, coveredHeadings(coverage)));
    for (const line of plan.warnings) print.err(`${line}\n`);
    for (const line of plan.messages) print.out(`${line}\n`);
    print.out(`${options.output}: ${coverageSummary(coverage)}\n`);
    return EXIT.ok;
  },
});
