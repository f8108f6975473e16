import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';

/** `talkdeck themes`: the built-in themes. */
export const themes = defineCommand<[], object>({
  name: 'themes',
  declare: (command) => command.description('list the built-in themes'),
  run: async (_args, _options, { output, themesDir }) => {
    const { builtinThemeNames } = await import('../../theme/index.js');
    output.out(`${builtinThemeNames(themesDir).join('\n')}\n`);
    return EXIT.ok;
  },
});
