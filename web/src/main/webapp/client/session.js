// The signed-in user's token: kept in sessionStorage (per server and site), refreshed at about
// two thirds of its lifetime, dropped on sign-out or when it can no longer be refreshed.
import {ApiError} from './api.js';

export class Session {
  constructor(base, webmasterId) {
    this.key = `ppv.session:${base}:${webmasterId}`;
    this.api = null;
    this.listeners = new Set();
    this.timer = null;
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
    if (!this.user || !this.api) return;
    const expires = Date.parse(this.user.expiresAt);
    const from = Math.min(this.user.receivedAt || Date.now(), Date.now());
    const at = from + ((expires - from) * 2) / 3;
    this.timer = setTimeout(() => this.refresh(), Math.max(1000, at - Date.now()));
  }

  async refresh() {
    if (!this.user) return;
    try {
      this.set(await this.api.refresh(this.user.token));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) {
        this.clear();
      } else if (Date.parse(this.user.expiresAt) > Date.now() + 10000) {
        this.timer = setTimeout(() => this.refresh(), 10000); // the network: try again soon
      }
    }
  }

  emit() {
    for (const fn of this.listeners) fn(this.user);
  }
}
