// Floods a presenter's notes channel while the bench times its keys: `node bench/flood.mjs`.
// Every local user can send datagrams to the ports of presenterm's and talkdeck's old protocols;
// only the presenter's own user can reach its socket, and this floods that too: connecting again
// and again, sending, and never reading. Runs until killed.
import { createSocket } from 'node:dgram';
import { readdirSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const uid = process.getuid();
const runtime = process.env.XDG_RUNTIME_DIR;
let folder = join(tmpdir(), `talkdeck-${uid}`);
try {
  if (runtime && statSync(runtime).uid === uid) folder = join(runtime, 'talkdeck');
} catch {}

const udp = createSocket('udp4');
udp.bind(0, '127.0.0.1', () => {
  udp.setBroadcast(true);
  const junk = Buffer.from(JSON.stringify({ presentation_path: '/x', event: { command: 'GoTo', slide: 1e9, chunk: -1 }, pad: 'x'.repeat(900) }));
  const blast = () => {
    for (let i = 0; i < 50; i++) {
      udp.send(junk, 59418, '127.255.255.255');
      udp.send(junk, 59419, '127.255.255.255');
    }
    setImmediate(blast);
  };
  blast();
});

const hammer = () => {
  let sockets = [];
  try {
    sockets = readdirSync(folder).filter((name) => name.endsWith('.sock'));
  } catch {}
  for (const name of sockets) {
    const socket = createConnection(join(folder, name));
    socket.on('error', () => {});
    socket.on('connect', () => socket.write(`${'{"talkdeck":1,"kind":"status","slide":99999999}\n'.repeat(100)}`));
  }
  setTimeout(hammer, 2);
};
hammer();
process.stdout.write('flooding\n');
