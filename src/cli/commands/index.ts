import type { CommandSpec } from '../command.js';
import { build } from './build.js';
import { check } from './check.js';
import { completion } from './completion.js';
import { coverage } from './coverage.js';
import { exportCommand } from './export.js';
import { notes } from './notes.js';
import { present } from './present.js';
import { print } from './print.js';
import { rehearse } from './rehearse.js';
import { serve } from './serve.js';
import { report } from './report.js';
import { themes } from './themes.js';

/** Every command, in the order `talkdeck --help` lists them. A new command is a file here and a row in this table. */
export const COMMANDS: readonly CommandSpec[] = [present, notes, serve, rehearse, report, print, check, coverage, build, exportCommand, themes, completion];
