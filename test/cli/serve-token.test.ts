import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');

/** Starts `talkdeck serve` and resolves with what it printed once the audience URL is out, then stops it. */
function serveUntilUrl(args: string[]): Promise<{ out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn('node', [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (/remote: /u.test(out)) child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', fail);
    child.on('close', () => done({ out, err }));
  });
}

it('a bare --audience-token before the deck makes a random token and keeps the deck as the deck', async () => {
  const { out, err } = await serveUntilUrl(['--port', '0', '--audience-token', 'test/fixtures/e2e/four.md']);
  expect(err).toBe('');
  expect(out).toMatch(/^audience: http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]{16}$/mu);
});

it('--audience-token=TOKEN sets the token', async () => {
  const { out } = await serveUntilUrl(['--port', '0', '--audience-token=hunter2', 'test/fixtures/e2e/four.md']);
  expect(out).toMatch(/^audience: http:\/\/127\.0\.0\.1:\d+\/\?t=hunter2$/mu);
});
