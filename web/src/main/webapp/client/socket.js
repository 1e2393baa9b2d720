// A client of the PPV Chat WebSocket protocol (subprotocol ppvchat.1): token as a second subprotocol,
// a ping every 30 s, reconnection with exponential backoff and jitter, an emitter by message type.
// Pseudo-events: 'open', 'close' ({code, reason, willReconnect}), 'reconnecting' ({delay, attempt}).

const NO_RECONNECT = new Set([1000, 4000, 4001, 4002, 4004, 1008]);
const PING_MS = 30000;

export class ProtocolSocket {
  /** url: ws(s) URL; getToken: () => token or null (read again on every reconnect). */
  constructor(url, getToken) {
    this.url = url;
    this.getToken = getToken;
    this.handlers = new Map();
    this.ws = null;
    this.attempt = 0;
    this.stopped = false;
    this.retryTimer = null;
    this.pingTimer = null;
  }

  static url(base, path) {
    return base.replace(/^http/i, 'ws') + path;
  }

  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(fn);
    return () => this.handlers.get(type).delete(fn);
  }

  emit(type, payload) {
    for (const fn of this.handlers.get(type) || []) {
      try {
        fn(payload);
      } catch (e) {
        console.error('ppv: handler for', type, 'failed', e);
      }
    }
  }

  get isOpen() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  connect() {
    this.stopped = false;
    clearTimeout(this.retryTimer);
    const token = this.getToken ? this.getToken() : null;
    const protocols = token ? ['ppvchat.1', 'bearer.' + token] : ['ppvchat.1'];
    let ws;
    try {
      ws = new WebSocket(this.url, protocols);
    } catch (e) {
      this.afterClose(1006, String(e.message || e));
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.emit('open');
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({type: 'ping'}), PING_MS);
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!message || typeof message.type !== 'string') return;
      if (message.type === 'welcome' || message.type === 'wall') this.attempt = 0;
      this.emit(message.type, message);
      this.emit('*', message);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      this.afterClose(event.code, event.reason);
    };
  }

  afterClose(code, reason) {
    const willReconnect = !this.stopped && !NO_RECONNECT.has(code);
    this.emit('close', {code, reason, willReconnect});
    if (!willReconnect) return;
    const delay = Math.min(30000, 500 * 2 ** this.attempt) * (0.5 + Math.random() * 0.5);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.emit('reconnecting', {delay, attempt: this.attempt});
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.connect();
    }, delay);
  }

  /** Sends a message if the socket is open; answers whether it went out. */
  send(message) {
    if (!this.isOpen) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /** Closes for good: no reconnection. */
  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
  }

  /** Keeps the current connection but never reconnects after it closes. */
  noReconnect() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }
}
