'use strict';
// The baseline for bin/bench-fanout: the least a WebSocket chat room can do, with the `ws` package.
// Every connection is accepted (subprotocol ppvchat.1 when offered), gets a small welcome, and every
// {"type":"chat"} message from anyone is encoded ONCE, in the same shape and about the same size as PPV
// Chat's, and sent to every open client (the sender included, as ours does).
//   node baseline-server.js <port>        prints "baseline pid=<pid> port=<port>" when listening
// SIGUSR2 runs a full GC when started with --expose-gc (for the memory-per-watcher figure).
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 8191);
const wss = new WebSocketServer({
  host: '127.0.0.1',
  port,
  perMessageDeflate: false,
  clientTracking: true,
  maxPayload: 16 * 1024,
  handleProtocols: (protocols) => (protocols.has('ppvchat.1') ? 'ppvchat.1' : false),
});

let counter = 0;
let nextClient = 0;
const WELCOME = JSON.stringify({ type: 'welcome', protocol: 'ppvchat.1' });

wss.on('connection', (socket) => {
  socket.clientId = ++nextClient;
  socket.on('error', () => {});
  socket.send(WELCOME);
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!message || message.type !== 'chat' || typeof message.text !== 'string') return;
    const text = JSON.stringify({
      type: 'chat',
      id: String(++counter),
      from: { id: socket.clientId, name: 'user-' + socket.clientId, role: 'USER' },
      text: message.text,
      at: new Date().toISOString(),
      showId: null,
    });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(text);
    }
  });
});

wss.on('listening', () => {
  console.log(`baseline pid=${process.pid} port=${port}`);
});
wss.on('error', (e) => {
  console.error('baseline server failed:', e.message);
  process.exit(1);
});

process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
});
const stop = () => {
  for (const client of wss.clients) client.terminate();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
