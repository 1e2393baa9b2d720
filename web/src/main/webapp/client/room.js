// A performer's room for watchers and staff: the live video, public chat, tips, buying credits,
// private shows with a per-second meter, and (part STAFF) the people list with typing previews and
// moderation. Talks to /ws/webmasters/{wm}/rooms/{performerId}.
import {h, replace, setText} from './dom.js';
import {ProtocolSocket} from './socket.js';
import {WatcherPeer} from './video.js';
import {createChat} from './chat.js';
import {createPeople} from './people.js';
import {moderate, moderationText} from './staff.js';
import {openPackages, paymentUpdate} from './packages.js';
import {notice, openDialog} from './ui.js';
import {closeText, ejectedText, joinErrorText, paymentText, showEndedText} from './notices.js';
import {elapsedSeconds, spentCredits, startMeter as meterOf, stopMeter} from './meter.js';

const TIP_AMOUNTS = [10, 25, 50];

export function roomView(app, {performer}) {
  const {t, fmt, config} = app;
  const performerId = performer.id;
  const me = () => app.session.user || {};
  const state = {
    part: null, room: null, closed: false, ejected: null, joinError: null,
    request: null, // {showId, cancelWanted}
    show: null, // {showId, userId, rate, startedAt, ended, seconds, credits, balanceAfter}
    roomShowId: null, // a show running in the room (staff see it)
    pendingTips: [], // [{key, credits, sentAt}]
    welcomed: false,
    firstFrame: false,
  };
  const names = new Map();

  // ---- elements
  const title = h('h2', {class: 'ppv-room-name'}, performer.displayName || '');
  const rate = h('span', {class: 'ppv-rate'});
  const watchers = h('span', {class: 'ppv-watchers', hidden: true});
  const connection = h('p', {class: 'ppv-connection', role: 'status', hidden: true});
  const notices = h('div', {class: 'ppv-notices'});
  const stage = h('video', {class: 'ppv-stage', playsinline: true, autoplay: true, muted: true, playsInline: true});
  stage.muted = true;
  const unmute = h('button', {type: 'button', class: 'ppv-button ppv-unmute', dataset: {action: 'unmute'}, onclick: toggleSound}, t('room.unmute'));
  const stageState = h('p', {class: 'ppv-stage-state'}, t('room.connecting'));
  const stageWrap = h('div', {class: 'ppv-stage-wrap'}, stage, stageState, unmute);

  const meterSeconds = h('span', {class: 'ppv-show-seconds', dataset: {seconds: 0}}, fmt.duration(0));
  const meterSpent = h('span', {class: 'ppv-show-spent', dataset: {credits: 0}});
  const meterBalance = h('span', {class: 'ppv-show-balance', dataset: {credits: 0}});
  const meterTitle = h('p', {class: 'ppv-show-title'});
  const endShow = h('button', {type: 'button', class: 'ppv-button ppv-danger', dataset: {action: 'end-show'}, onclick: endMyShow}, t('show.end'));
  const meter = h('section', {class: 'ppv-show-meter', hidden: true, 'aria-live': 'off'},
    meterTitle,
    h('dl', {class: 'ppv-meter-figures'},
      h('div', null, h('dt', null, t('show.time')), h('dd', null, meterSeconds)),
      h('div', null, h('dt', null, t('show.spent')), h('dd', null, meterSpent)),
      h('div', null, h('dt', null, t('show.balance')), h('dd', null, meterBalance))),
    endShow);
  const lowText = h('span', {class: 'ppv-low-text'});
  const lowBalance = h('div', {class: 'ppv-low-balance', role: 'alert', hidden: true}, lowText,
    h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'top-up'}, onclick: buyCredits}, t('show.topUp')));

  const tipInput = h('input', {name: 'tip-credits', type: 'number', min: 1, max: 1000000, step: 1, inputmode: 'numeric', placeholder: t('tip.custom')});
  const tips = h('div', {class: 'ppv-tips-bar'},
    h('span', {class: 'ppv-label'}, t('tip.title')),
    TIP_AMOUNTS.map((credits) => h('button', {type: 'button', class: 'ppv-button ppv-tip', dataset: {action: 'tip', credits},
      onclick: () => tip(credits)}, t('tip.amount', {credits: fmt.credits(credits), count: credits}))),
    h('form', {class: 'ppv-tip-form', onsubmit: (e) => { e.preventDefault(); tipCustom(); }},
      h('label', {class: 'ppv-visually-hidden'}, t('tip.custom')), tipInput,
      h('button', {type: 'submit', class: 'ppv-button ppv-secondary', dataset: {action: 'tip-custom'}}, t('tip.send'))));
  const requestButton = h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'request-private'}, onclick: requestPrivate}, t('private.request'));
  const cancelButton = h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'cancel-private'}, hidden: true, onclick: cancelPrivate}, t('private.cancel'));
  const requestState = h('p', {class: 'ppv-request-state', role: 'status', hidden: true});
  const buyButton = h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'buy-credits'}, onclick: buyCredits}, t('credits.buy'));
  const guestHint = h('p', {class: 'ppv-hint', hidden: true}, t('room.guestHint'));
  const watcherControls = h('section', {class: 'ppv-controls'}, tips,
    h('div', {class: 'ppv-private'}, requestButton, cancelButton, buyButton), requestState, guestHint);

  const stopShow = h('button', {type: 'button', class: 'ppv-button ppv-danger', dataset: {action: 'stop-show'}, hidden: true,
    onclick: async () => {
      if (!state.roomShowId) return;
      const ok = await openDialog(app, {title: t('staff.stopShowTitle'), confirmLabel: t('staff.stopShow'), danger: true});
      if (ok) send({type: 'show.stop', showId: state.roomShowId});
    }}, t('staff.stopShow'));
  const people = createPeople(app, {actions: ['kick', 'ban', 'mute'], onAction: (action, person) => moderate(app, send, action, person)});
  const staffPanel = h('section', {class: 'ppv-staff', hidden: true}, stopShow, people.el);

  const chat = createChat(app, {
    send: (m) => send(m),
    performerId,
    canRemove: () => state.part === 'STAFF',
    onRemove: (message) => send({type: 'chat.remove', messageId: message.id}),
  });
  chat.setEnabled(false);

  const back = h('button', {type: 'button', class: 'ppv-button ppv-secondary ppv-back', dataset: {action: 'back'}, onclick: leave}, t('room.back'));
  const el = h('section', {class: 'ppv-room', dataset: {performerId}},
    h('header', {class: 'ppv-room-header'}, back, h('div', {class: 'ppv-room-title'}, title, rate, watchers)),
    connection, notices,
    h('div', {class: 'ppv-room-body'},
      h('div', {class: 'ppv-room-stage'}, stageWrap, meter, lowBalance, watcherControls, staffPanel),
      chat.el));
  renderRate(performer.pricePerMinute);

  // ---- socket
  const socket = new ProtocolSocket(
    ProtocolSocket.url(config.base, `/ws/webmasters/${encodeURIComponent(config.webmasterId)}/rooms/${encodeURIComponent(performerId)}`),
    () => app.session.token);
  function send(message) {
    return socket.send(message);
  }
  const peer = new WatcherPeer({
    sendSignal: (to, signal) => send({type: 'signal', to, signal}),
    performerUserId: null,
    onStream: showStream,
  });

  socket.on('welcome', (m) => {
    const again = state.welcomed;
    state.welcomed = true;
    state.part = m.part;
    state.room = m.room;
    el.dataset.part = m.part;
    connection.hidden = true;
    setText(title, m.room.performerName || performer.displayName || '');
    renderRate(m.room.ratePerMinute);
    renderWatchers(m.watcherCount);
    if (m.balance) app.setBalance(m.balance);
    names.set(m.room.performerUserId, m.room.performerName);
    for (const line of m.history || []) {
      remember(line.from);
      chat.add(line);
    }
    chat.setEnabled(true);
    const staff = m.part === 'STAFF';
    staffPanel.hidden = !staff;
    watcherControls.hidden = staff;
    if (staff) {
      people.set(m.watchers);
      (m.watchers || []).forEach(remember);
      send({type: 'typing.watch'});
      state.roomShowId = m.showId ?? null;
      stopShow.hidden = !state.roomShowId;
    } else {
      // our own show (on a reconnect within the grace it carries on)
      if (m.show && (!state.show || state.show.showId !== m.show.showId)) {
        startMeter(m.show);
      }
      if (m.showId == null && state.show && !state.show.ended) finishMeter({showId: state.show.showId, reason: 'UNKNOWN'});
      if (again) resendTips();
    }
    renderControls();
    peer.performerUserId = m.room.performerUserId;
    peer.iceServers = m.iceServers || [];
    if (!(staff && m.showId != null)) peer.ready(); // staff cannot signal during someone's private show

  });
  socket.on('presence', (m) => renderWatchers(m.watchers));
  socket.on('chat', (m) => {
    remember(m.from);
    chat.add(m);
  });
  socket.on('chat.removed', (m) => chat.remove(m.id));
  socket.on('typing', (m) => {
    if (state.part === 'STAFF') people.typing(m.userId, m.text);
  });
  socket.on('watcher.joined', (m) => {
    remember(m.person);
    if (state.part === 'STAFF') people.add(m.person);
  });
  socket.on('watcher.left', (m) => people.remove(m.userId));
  socket.on('private.requested', (m) => {
    if (m.user && m.user.id === me().userId) {
      const cancelWanted = state.request && state.request.cancelWanted;
      state.request = {showId: m.showId, rate: m.ratePerMinute};
      if (cancelWanted) cancelPrivate();
      renderControls();
    }
  });
  for (const type of ['private.declined', 'private.expired', 'private.cancelled']) {
    socket.on(type, (m) => {
      if (!state.request || (state.request.showId != null && state.request.showId !== m.showId)) return;
      state.request = null;
      notice(app, notices, type, t('notice.' + type, {name: performerName()}));
      renderControls();
    });
  }
  socket.on('show.started', (m) => {
    state.roomShowId = m.showId;
    if (state.part === 'STAFF') {
      stopShow.hidden = false;
      people.keepOnly(m.userId);
      peer.close(); // the show is one-to-one: the performer closes our connection
      setStage(t('room.privateRunning'));
      chat.system(t('show.startedStaff', {name: nameOf(m.userId)}));
    }
    if (m.userId === me().userId) {
      state.request = null;
      startMeter(m);
      chat.system(t('show.startedYou', {name: performerName()}));
    }
    renderControls();
  });
  socket.on('show.ended', (m) => {
    if (state.roomShowId === m.showId) state.roomShowId = null;
    stopShow.hidden = true;
    if (m.userId === me().userId && state.show) finishMeter(m);
    else if (state.part === 'STAFF') {
      chat.system(showEndedText(app, m.reason) + ' ' + t('show.billed', {time: fmt.duration(m.seconds), credits: fmt.credits(m.credits), count: m.credits}));
      peer.ready(); // the room is public again: ask for the stream
    }
    renderControls();
  });
  socket.on('tip', (m) => {
    if (m.userId === me().userId) {
      const i = state.pendingTips.findIndex((p) => p.credits === m.credits);
      if (i >= 0) state.pendingTips.splice(i, 1);
    }
    chat.system(t('tip.received', {name: m.name, credits: fmt.credits(m.credits), count: m.credits}));
  });
  socket.on('balance', (m) => {
    app.setBalance(m);
    if (state.show && state.show.ended) state.show.balanceAfter = m.credits;
    renderMeter();
  });
  socket.on('payment', (m) => {
    if (paymentUpdate(app, m)) return; // the purchase dialog tells (or told) about it
    const text = paymentText(app, m);
    if (!text) return;
    const item = notice(app, notices, 'payment', text);
    item.dataset.status = m.status;
    item.dataset.order = m.order;
  });
  socket.on('balance.low', (m) => {
    lowBalance.hidden = false;
    setText(lowText, t('show.lowBalance', {seconds: m.secondsLeft, count: m.secondsLeft}));
  });
  socket.on('moderation', (m) => chat.system(moderationText(app, m, nameOf)));
  socket.on('signal', (m) => peer.handleSignal(m.from, m.signal));
  socket.on('ejected', (m) => {
    state.ejected = m;
  });
  socket.on('error', (m) => {
    if (m.about === 'join') {
      state.joinError = m;
      return;
    }
    if (m.about === 'typing.watch' || m.about === 'signal') return;
    if (m.about === 'chat') chat.refused();
    if (m.about === 'tip') state.pendingTips.shift();
    if (m.about === 'private.request') {
      state.request = null;
      renderControls();
    }
    app.toast(m.message || t('error.unexpected'));
  });
  socket.on('close', ({code, reason, willReconnect}) => {
    peer.close();
    if (willReconnect) {
      connection.hidden = false;
      setText(connection, t('room.reconnecting'));
      setStage(t('room.reconnecting'));
      return;
    }
    if (code === 1000 && !state.ejected) return; // we left
    state.closed = true;
    connection.hidden = true;
    chat.setEnabled(false);
    if (state.show && !state.show.ended) finishMeter({showId: state.show.showId, reason: 'UNKNOWN'}, true);
    state.request = null;
    renderControls();
    stage.srcObject = null;
    let reasonKey;
    let text;
    if (state.ejected) {
      reasonKey = state.ejected.reason;
      text = ejectedText(app, state.ejected);
    } else if (code === 4004 || state.joinError) {
      reasonKey = 'join';
      text = joinErrorText(app, state.joinError ? state.joinError.message : reason);
    } else {
      reasonKey = 'closed';
      text = closeText(app, code, reason);
    }
    setStage(text);
    const actions = [h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'back'}, onclick: leave}, t('room.back'))];
    if (code === 4001) {
      actions.push(h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'rejoin'},
        onclick: () => app.show('room', {performer})}, t('room.rejoin')));
    }
    notice(app, notices, reasonKey, text, actions);
  });

  performance.mark('ppv:room-open');
  socket.connect();

  // ---- video
  function showStream(stream) {
    if (stage.srcObject !== stream) stage.srcObject = stream;
    const playing = stage.play();
    if (playing && playing.catch) playing.catch(() => {});
    watchFirstFrame();
  }

  function watchFirstFrame() {
    if (state.firstFrame || state.watchingFrame) return;
    state.watchingFrame = true;
    const shown = () => {
      if (state.firstFrame) return;
      state.firstFrame = true;
      stageState.hidden = true;
      try {
        performance.mark('ppv:first-frame');
        performance.measure('ppv:join-to-first-frame', 'ppv:room-open', 'ppv:first-frame');
      } catch {
        /* marks cleared by the page */
      }
    };
    if (stage.requestVideoFrameCallback) stage.requestVideoFrameCallback(shown);
    else {
      const onData = () => {
        if (stage.videoWidth > 0) {
          stage.removeEventListener('loadeddata', onData);
          shown();
        }
      };
      stage.addEventListener('loadeddata', onData);
    }
    stage.addEventListener('playing', () => { stageState.hidden = true; });
  }

  function setStage(text) {
    stageState.hidden = false;
    setText(stageState, text);
  }

  function toggleSound() {
    stage.muted = !stage.muted;
    if (!stage.muted) stage.play().catch(() => {});
    setText(unmute, stage.muted ? t('room.unmute') : t('room.mute'));
    unmute.dataset.action = stage.muted ? 'unmute' : 'mute';
  }

  // ---- money
  function buyCredits() {
    openPackages(app, {next: {view: 'room', params: {performer}}}); // a guest signs in and comes back here
  }

  function tip(credits) {
    if (!Number.isInteger(credits) || credits < 1 || credits > 1000000) {
      app.toast(t('tip.rule'));
      return;
    }
    const pending = {key: crypto.randomUUID(), credits, sentAt: Date.now()};
    state.pendingTips.push(pending);
    if (!send({type: 'tip', credits, key: pending.key})) app.toast(t('tip.queued'), 'info');
  }

  function tipCustom() {
    const credits = Number(tipInput.value);
    tip(credits);
    if (Number.isInteger(credits) && credits > 0) tipInput.value = '';
  }

  /** After a reconnect: unconfirmed tips go again with their keys (booked at most once). */
  function resendTips() {
    const cutoff = Date.now() - 5 * 60 * 1000;
    state.pendingTips = state.pendingTips.filter((p) => p.sentAt > cutoff);
    for (const p of state.pendingTips) send({type: 'tip', credits: p.credits, key: p.key});
    const resent = [...state.pendingTips];
    setTimeout(() => { state.pendingTips = state.pendingTips.filter((p) => !resent.includes(p)); }, 10000);
  }

  async function requestPrivate() {
    const rateNow = state.room ? state.room.ratePerMinute : performer.pricePerMinute;
    const ok = await openDialog(app, {
      title: t('private.confirmTitle', {name: performerName()}),
      body: [
        h('p', {class: 'ppv-price-big'}, t('private.price', {credits: fmt.credits(rateNow), count: rateNow})),
        h('p', null, t('private.explain')),
        app.balance ? h('p', {class: 'ppv-hint'}, t('private.yourBalance', {credits: fmt.credits(app.balance.available), count: app.balance.available})) : null,
      ],
      confirmLabel: t('private.confirm'),
    });
    if (!ok) return;
    if (!send({type: 'private.request'})) {
      app.toast(t('room.notConnected'));
      return;
    }
    state.request = {showId: null};
    renderControls();
  }

  function cancelPrivate() {
    if (!state.request) return;
    if (state.request.showId == null) {
      state.request.cancelWanted = true;
      return;
    }
    send({type: 'private.cancel', showId: state.request.showId});
  }

  async function endMyShow() {
    if (!state.show || state.show.ended) return;
    const ok = await openDialog(app, {title: t('show.endTitle'), body: [h('p', null, t('show.endExplain'))], confirmLabel: t('show.end'), danger: true});
    if (ok && state.show && !state.show.ended) send({type: 'show.end', showId: state.show.showId});
  }

  // ---- the meter: estimated every second from the start and the rate, corrected by balance messages
  let meterTimer = null;
  /** m: show.started, or welcome.show after a reload or reconnect mid-show. */
  function startMeter(m) {
    state.show = meterOf(m);
    lowBalance.hidden = true;
    meter.hidden = false;
    endShow.hidden = false;
    setText(meterTitle, t('show.running', {name: performerName()}));
    clearInterval(meterTimer);
    meterTimer = setInterval(renderMeter, 250);
    renderMeter();
  }

  function finishMeter(m, silent = false) {
    clearInterval(meterTimer);
    stopMeter(state.show, m);
    endShow.hidden = true;
    lowBalance.hidden = true;
    setText(meterTitle, t('show.endedTitle'));
    renderMeter();
    const billed = m.seconds != null
      ? ' ' + t('show.billed', {time: fmt.duration(m.seconds), credits: fmt.credits(m.credits), count: m.credits}) : '';
    if (!silent) notice(app, notices, m.reason, showEndedText(app, m.reason) + billed);
  }

  function renderMeter() {
    const show = state.show;
    if (!show) return;
    const credits = app.balance ? app.balance.credits : 0;
    const seconds = elapsedSeconds(show);
    const spent = spentCredits(show);
    let balance;
    if (show.ended && show.credits != null) {
      balance = show.balanceAfter != null ? show.balanceAfter : credits - spent;
    } else {
      balance = show.ended ? credits : Math.max(0, credits - spent); // held credits are charged at the end
    }
    meterSeconds.dataset.seconds = String(seconds);
    setText(meterSeconds, fmt.duration(seconds));
    meterSpent.dataset.credits = String(spent);
    setText(meterSpent, t('credits.amount', {credits: fmt.credits(spent), count: spent}));
    meterBalance.dataset.credits = String(balance);
    setText(meterBalance, t('credits.amount', {credits: fmt.credits(balance), count: balance}));
  }

  // ---- rendering helpers
  function renderControls() {
    const guest = me().role === 'GUEST';
    const inShow = state.show && !state.show.ended;
    const waiting = !!state.request;
    tips.hidden = guest || state.closed;
    guestHint.hidden = !guest;
    requestButton.hidden = guest || waiting || inShow || state.closed || !!state.roomShowId;
    buyButton.hidden = state.closed && !inShow;
    cancelButton.hidden = !waiting || state.closed;
    requestState.hidden = !waiting;
    if (waiting) setText(requestState, t('private.waiting', {name: performerName()}));
  }

  function renderRate(credits) {
    if (credits == null) return;
    setText(rate, t('wall.price', {credits: fmt.credits(credits), count: credits}));
  }

  function renderWatchers(count) {
    if (count == null) return;
    watchers.hidden = false;
    setText(watchers, t('room.watchers', {count, n: fmt.number(count)}));
  }

  function remember(person) {
    if (person && person.id != null) names.set(person.id, person.name);
  }

  function nameOf(id) {
    return names.get(id) || '#' + id;
  }

  function performerName() {
    return (state.room && state.room.performerName) || performer.displayName || '';
  }

  async function leave() {
    if (state.show && !state.show.ended && !state.closed) {
      const ok = await openDialog(app, {title: t('show.leaveTitle'), body: [h('p', null, t('show.leaveExplain'))], confirmLabel: t('show.leave'), danger: true});
      if (!ok) return;
      send({type: 'show.end', showId: state.show.showId});
    }
    app.show('wall');
  }

  renderControls();
  return {
    el,
    destroy() {
      clearInterval(meterTimer);
      chat.destroy();
      peer.close();
      // give a just-sent show.end a moment to leave before the socket closes
      setTimeout(() => socket.close(), state.show && !state.show.ended ? 300 : 0);
      stage.srcObject = null;
    },
    async diagnostics() {
      return {part: state.part, peers: await peer.stats()};
    },
  };
}
