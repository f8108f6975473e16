import type { Command, Option } from 'commander';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** What the completion scripts need to know of the command line, read from commander's own declarations. */
interface Shape {
  commands: Array<{ name: string; description: string; options: string[] }>;
  global: string[];
  /** Options whose value is one of a few words (`--format`, `--dialect`, `--image-protocol`), and themes. */
  choices: Record<string, string[]>;
  /** Options whose value is a file. */
  files: string[];
  themeOptions: string[];
  themes: string[];
}

function flagsOf(options: readonly Option[]): string[] {
  return options.flatMap((o) => [o.short, o.long].filter((f): f is string => Boolean(f)));
}

const DIALECTS = ['auto', 'talkdeck', 'presenterm', 'marp', 'slides', 'patat', 'lookatme', 'mdp', 'reveal-md', 'remark'];

function shapeOf(program: Command, themes: string[]): Shape {
  const commands = program.commands.map((c) => ({ name: c.name(), description: c.description(), options: [...flagsOf(c.options), '--help'] }));
  const all = [...program.options, ...program.commands.flatMap((c) => c.options)];
  const choices: Record<string, string[]> = {};
  const files: string[] = [];
  const themeOptions: string[] = [];
  for (const option of all) {
    const flags = [option.short, option.long].filter((f): f is string => Boolean(f));
    if (option.argChoices) for (const flag of flags) choices[flag] = option.argChoices;
    else if (option.long === '--dialect') choices['--dialect'] = DIALECTS;
    else if (option.long === '--theme') themeOptions.push(...flags);
    else if (option.long === '--output' || option.long === '--config') files.push(...flags);
  }
  return { commands, global: [...flagsOf(program.options), '--help'], choices, files: [...new Set(files)], themeOptions: [...new Set(themeOptions)], themes };
}

const words = (list: readonly string[]) => list.join(' ');

function bash(shape: Shape): string {
  const choiceCases = Object.entries(shape.choices)
    .map(([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`)
    .join('\n');
  const optionCases = shape.commands.map((c) => `      ${c.name}) opts="${words(c.options)}" ;;`).join('\n');
  return `# talkdeck completion for bash: add to ~/.bashrc
#   source <(talkdeck completion bash)
_talkdeck() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${shape.commands.map((c) => c.name).join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${choiceCases}
    ${shape.themeOptions.join('|')})
      COMPREPLY=($(compgen -W "${words(shape.themes)}" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
      return ;;
    ${shape.files.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${optionCases}
      *) opts="${words(shape.global)}" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  if [[ "$cmd" == completion ]]; then
    COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur"))
    return
  fi
  if [[ "$cmd" == themes ]]; then return; fi
  COMPREPLY=()
  if [[ -z "$cmd" ]]; then COMPREPLY=($(compgen -W "${words(shape.commands.map((c) => c.name))}" -- "$cur")); fi
  COMPREPLY+=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _talkdeck talkdeck
`;
}

/** Single-quoted for zsh and fish: ' becomes '\\''. */
const quote = (text: string) => `'${text.replace(/'/gu, `'\\''`)}'`;

function zsh(shape: Shape): string {
  const choiceCases = Object.entries(shape.choices)
    .map(([flag, values]) => `    ${flag}) compadd -- ${words(values)}; return ;;`)
    .join('\n');
  const optionCases = shape.commands.map((c) => `      ${c.name}) compadd -- ${words(c.options)} ;;`).join('\n');
  const described = shape.commands.map((c) => quote(`${c.name}:${c.description.replace(/:/gu, '\\:')}`)).join(' ');
  return `#compdef talkdeck
# talkdeck completion for zsh: add to ~/.zshrc (after compinit)
#   source <(talkdeck completion zsh)
_talkdeck() {
  local -a commands
  commands=(${described})
  local cmd="" i
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      ${shape.commands.map((c) => c.name).join('|')}) cmd="\${words[i]}"; break ;;
    esac
  done
  case "\${words[CURRENT-1]}" in
${choiceCases}
    ${shape.themeOptions.join('|')}) compadd -- ${words(shape.themes)}; _files -g '*.(yaml|yml|json)'; return ;;
    ${shape.files.join('|')}) _files; return ;;
  esac
  if [[ "$PREFIX" == -* ]]; then
    case "$cmd" in
${optionCases}
      *) compadd -- ${words(shape.global)} ;;
    esac
    return
  fi
  case "$cmd" in
    completion) compadd -- ${words(SHELLS)}; return ;;
    themes) return ;;
    "") _describe -t commands 'talkdeck command' commands ;;
  esac
  _files -g '*.md'
}
if (( $+functions[compdef] )); then compdef _talkdeck talkdeck; fi
`;
}

function fish(shape: Shape): string {
  const names = words(shape.commands.map((c) => c.name));
  const lines = [
    '# talkdeck completion for fish: save as ~/.config/fish/completions/talkdeck.fish, or',
    '#   talkdeck completion fish | source',
    'complete -c talkdeck -f',
    ...shape.commands.map((c) => `complete -c talkdeck -n "not __fish_seen_subcommand_from ${names}" -a ${c.name} -d ${quote(c.description)}`),
    `complete -c talkdeck -n "not __fish_seen_subcommand_from completion themes" -a "(__fish_complete_suffix .md)"`,
    `complete -c talkdeck -n "__fish_seen_subcommand_from completion" -a ${quote(words(SHELLS))}`,
  ];
  const long = (flag: string) => flag.replace(/^--/u, '');
  for (const c of shape.commands) {
    for (const flag of c.options.filter((f) => f.startsWith('--'))) {
      const values = shape.choices[flag];
      const extra = values ? ` -x -a ${quote(words(values))}` : shape.themeOptions.includes(flag) ? ` -x -a ${quote(`${words(shape.themes)} (__fish_complete_suffix .yaml)`)}` : shape.files.includes(flag) ? ' -r -F' : '';
      lines.push(`complete -c talkdeck -n "__fish_seen_subcommand_from ${c.name}" -l ${long(flag)}${extra}`);
    }
  }
  for (const flag of shape.global.filter((f) => f.startsWith('--'))) lines.push(`complete -c talkdeck -l ${long(flag)}${shape.files.includes(flag) ? ' -r -F' : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `talkdeck completion bash|zsh|fish`: a completion script for the shell, from the command table itself. */
export const completion = defineCommand<[string], object>({
  name: 'completion',
  declare: (command) => command.description('print a shell completion script: bash, zsh or fish').argument('<shell>', 'bash, zsh or fish'),
  run: async ([shell], _options, { output, themesDir, program }) => {
    if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`completion wants bash, zsh or fish, not "${shell}"`);
    const { builtinThemeNames } = await import('../../theme/index.js');
    const shape = shapeOf(program(), builtinThemeNames(themesDir));
    const script = { bash, zsh, fish }[shell as Shell](shape);
    output.out(script);
    return EXIT.ok;
  },
});
