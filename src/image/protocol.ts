/** How images reach the terminal. */
export type ImageProtocol = 'kitty' | 'iterm2' | 'sixel' | 'blocks' | 'none';

export interface ProtocolChoice {
  protocol: ImageProtocol;
  /** Inside tmux with passthrough allowed: each sequence is wrapped for tmux to pass on. */
  tmux: boolean;
  /** Why this one, for messages and tests. */
  reason: string;
}

/**
 * The protocol a terminal speaks, from its environment: kitty's graphics protocol for kitty and
 * Ghostty, iTerm2's inline images for iTerm2, WezTerm and VS Code, sixel for foot, mlterm and
 * Windows Terminal; null when the environment does not say (then a terminal query may). Inside
 * tmux, the terminal around it is judged by the variables tmux passes on (KITTY_WINDOW_ID,
 * LC_TERMINAL, TERM_PROGRAM of the client when set).
 */
export function protocolFromEnv(env: Readonly<Record<string, string | undefined>>): ImageProtocol | null {
  const term = env.TERM ?? '';
  const program = env.TERM_PROGRAM ?? '';
  if (env.KITTY_WINDOW_ID || term === 'xterm-kitty' || term === 'xterm-ghostty' || program === 'ghostty' || env.GHOSTTY_RESOURCES_DIR) return 'kitty';
  if (program === 'iTerm.app' || env.LC_TERMINAL === 'iTerm2' || program === 'WezTerm' || env.WEZTERM_EXECUTABLE || program === 'vscode') return 'iterm2';
  if (term.startsWith('foot') || term.startsWith('mlterm') || env.MLTERM || env.WT_SESSION) return 'sixel';
  return null;
}

/** What a terminal answered to the query (kitty's graphics query, then DA1): the protocol it shows, or null. */
export function protocolFromReply(reply: string): ImageProtocol | null {
  if (/\x1b_Gi=31;OK\x1b\\/u.test(reply)) return 'kitty';
  const da1 = /\x1b\[\?([\d;]*)c/u.exec(reply);
  if (da1 && da1[1]!.split(';').includes('4')) return 'sixel';
  return null;
}

/** The query: kitty's graphics query (answered only by terminals that speak it), then DA1 (answered by all). */
export const TERMINAL_QUERY = '\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c';

/**
 * Chooses the protocol: a forced one (`--image-protocol`, the configuration), else by the
 * environment, else by the terminal's reply to the query, else half blocks. `NO_COLOR` and
 * `none` show the framed alt text. Inside tmux a graphics protocol needs `allow-passthrough`
 * (`tmuxPassthrough`); without it half blocks are drawn.
 */
export function chooseProtocol(
  choice: 'auto' | ImageProtocol,
  env: Readonly<Record<string, string | undefined>>,
  options: { reply?: string; tmuxPassthrough?: boolean } = {},
): ProtocolChoice {
  const inTmux = Boolean(env.TMUX);
  if (env.NO_COLOR && choice !== 'kitty' && choice !== 'iterm2' && choice !== 'sixel') return { protocol: 'none', tmux: false, reason: 'NO_COLOR is set' };
  if (choice !== 'auto') return { protocol: choice, tmux: inTmux && choice !== 'blocks' && choice !== 'none', reason: 'asked for' };
  const found = protocolFromEnv(env) ?? (options.reply ? protocolFromReply(options.reply) : null);
  if (!found) return { protocol: 'blocks', tmux: false, reason: 'the terminal shows no graphics protocol' };
  if (inTmux && !options.tmuxPassthrough) return { protocol: 'blocks', tmux: false, reason: 'inside tmux without allow-passthrough' };
  return { protocol: found, tmux: inTmux, reason: inTmux ? 'tmux passthrough to the terminal' : 'the terminal' };
}

/** A sequence wrapped for tmux's passthrough: `ESC Ptmux;` with every ESC doubled, then `ESC \`. */
export function tmuxWrap(sequence: string): string {
  return `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
}
