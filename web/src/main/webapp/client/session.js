// The signed-in user's token: kept in sessionStorage (per server and site), refreshed at about
// two thirds of its lifetime, dropped on sign-out or when it can no longer be refreshed.
import {ApiError} from './api.js';

export class Session {
  constructor(base, webmasterId) {
    this.key = `ppv.session:${base}:${webmasterId}`;
    this.api = null;
    this.listeners = new Set();
    this.timer = null;
    this.expiry = null;
    this.user = this.load();
  }

  /** The api is given after construction (it reads the token from here). */
  start(api) {
    this.api = api;
    this.schedule();
  }

  get token() {
    return this.user ? this.user.token : null;
  }

  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** signedIn: the server's SignedIn answer. */
  set(signedIn) {
    this.user = {...signedIn, receivedAt: Date.now()};
    try {
      sessionStorage.setItem(this.key, JSON.stringify(this.user));
    } catch {
      /* private mode: keep it in memory */
    }
    this.schedule();
    this.emit();
  }

  clear() {
    this.user = null;
    clearTimeout(this.timer);
    clearTimeout(this.expiry);
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      /* nothing stored */
    }
    this.emit();
  }

  load() {
    try {
      const user = JSON.parse(sessionStorage.getItem(this.key) || 'null');
      if (user && user.token && Date.parse(user.expiresAt) > Date.now() + 5000) return user;
    } catch {
      /* unreadable: start signed out */
    }
    return null;
  }

  schedule() {
    clearTimeout(this.timer);
    clearTimeout(this.expiry);
    if (!this.user || !this.api) return;
    const user = this.user;
    const expires = Date.parse(user.expiresAt);
    const from = Math.min(user.receivedAt || Date.now(), Date.now());
    const at = from + ((expires - from) * 2) / 3;
    this.timer = setTimeout(() => this.refresh(), Math.max(1000, at - Date.now()));
    // A token that could not be refreshed in time is dropped when it expires: the server would refuse
    // every reconnect with it, which a browser only sees as a dropped socket.
    this.expiry = setTimeout(() => this.user === user && this.clear(), Math.max(0, expires - Date.now()));
  }

  async refresh() {
    const user = this.user;
    if (!user) return;
    try {
      const fresh = await this.api.refresh(user.token);
      if (this.user === user) this.set(fresh); // not if signed out (or in as someone else) meanwhile
    } catch (e) {
      if (this.user !== user) return;
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) {
        this.clear();
      } else if (Date.parse(user.expiresAt) > Date.now() + 10000) {
        this.timer = setTimeout(() => this.refresh(), 10000); // the network: try again soon
      }
    }
  }

  emit() {
    for (const fn of this.listeners) fn(this.user);
  }
}
