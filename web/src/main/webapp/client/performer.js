// The performer's page: camera and microphone, a local preview, going live (opening one's own room
// socket) and offline, watchers, chat, private requests, the running show, tips and today's earnings.
import {h, replace, setText} from './dom.js';
import {ProtocolSocket} from './socket.js';
import {PerformerPeers} from './video.js';
import {createChat} from './chat.js';
import {createPeople} from './people.js';
import {moderate, moderationText} from './staff.js';
import {apiErrorText, notice, openDialog} from './ui.js';
import {showEndedText} from './notices.js';
import {elapsedSeconds, spentCredits, startMeter, stopMeter} from './meter.js';
import {createSupport} from './support.js';

export function performerView(app) {
  const {t, fmt, config} = app;
  const state = {profile: null, live: false, goingOffline: false, show: null, part: null, destroyed: false};
  const names = new Map();

  const loading = h('p', {class: 'ppv-state', role: 'status'}, t('performer.loading'));
  const el = h('section', {class: 'ppv-performer'}, loading);
  let stream = null;
  let socket = null;
  let meterTimer = null;
  const peers = new PerformerPeers({
    sendSignal: (to, signal) => socket && socket.send({type: 'signal', to, signal}),
    getStream: () => stream,
  });

  // ---- dashboard elements
  const camera = h('select', {name: 'camera'});
  const microphone = h('select', {name: 'microphone'});
  const preview = h('video', {class: 'ppv-preview', playsinline: true, autoplay: true, muted: true, playsInline: true});
  preview.muted = true;
  const mediaState = h('p', {class: 'ppv-media-state', role: 'status'}, t('performer.cameraAsking'));
  const goLive = h('button', {type: 'button', class: 'ppv-button ppv-go-live', dataset: {action: 'go-live'}, onclick: () => connect()}, t('performer.goLive'));
  const goOffline = h('button', {type: 'button', class: 'ppv-button ppv-danger', dataset: {action: 'go-offline'}, hidden: true, onclick: offline}, t('performer.goOffline'));
  const liveState = h('p', {class: 'ppv-live-state', role: 'status', dataset: {live: 'false'}}, t('performer.offline'));
  const notices = h('div', {class: 'ppv-notices'});
  const earnings = h('section', {class: 'ppv-earnings'}, t('performer.earningsLoading'));
  const requests = h('ul', {class: 'ppv-requests'});
  const requestsEmpty = h('p', {class: 'ppv-hint'}, t('performer.noRequests'));
  const showSeconds = h('span', {class: 'ppv-show-seconds', dataset: {seconds: 0}}, fmt.duration(0));
  const showCredits = h('span', {class: 'ppv-show-spent', dataset: {credits: 0}});
  const showTitle = h('p', {class: 'ppv-show-title'});
  const showPanel = h('section', {class: 'ppv-show-meter', hidden: true},
    showTitle,
    h('dl', {class: 'ppv-meter-figures'},
      h('div', null, h('dt', null, t('show.time')), h('dd', null, showSeconds)),
      h('div', null, h('dt', null, t('show.earned')), h('dd', null, showCredits))),
    h('button', {type: 'button', class: 'ppv-button ppv-danger', dataset: {action: 'end-show'}, onclick: endShow}, t('show.end')));
  const tipsList = h('ul', {class: 'ppv-tips'});
  const tipsEmpty = h('p', {class: 'ppv-hint'}, t('performer.noTips'));
  const people = createPeople(app, {actions: ['kick', 'mute'], title: t('performer.watchers'),
    onAction: (action, person) => moderate(app, (m) => socket && socket.send(m), action, person)});
  let chat = null;
  let support = null;

  function dashboard() {
    chat = createChat(app, {send: (m) => !!socket && socket.send(m), performerId: state.profile.id, sendTyping: false});
    chat.setEnabled(false);
    support = createSupport(app);
    replace(el,
      h('header', {class: 'ppv-room-header'},
        h('div', {class: 'ppv-room-title'},
          h('h2', {class: 'ppv-room-name'}, state.profile.displayName),
          h('span', {class: 'ppv-rate'}, t('wall.price', {credits: fmt.credits(state.profile.pricePerMinute), count: state.profile.pricePerMinute})))),
      notices,
      h('div', {class: 'ppv-room ppv-performer-room', dataset: {part: 'PERFORMER'}},
        h('div', {class: 'ppv-room-body'},
          h('div', {class: 'ppv-room-stage'},
            h('div', {class: 'ppv-stage-wrap'}, preview),
            mediaState,
            h('div', {class: 'ppv-devices'},
              h('label', {class: 'ppv-field'}, h('span', null, t('performer.camera')), camera),
              h('label', {class: 'ppv-field'}, h('span', null, t('performer.microphone')), microphone)),
            h('div', {class: 'ppv-actions'}, goLive, goOffline),
            liveState,
            showPanel,
            h('section', {class: 'ppv-requests-panel'}, h('h3', null, t('performer.requests')), requests, requestsEmpty),
            people.el,
            h('section', {class: 'ppv-tips-panel'}, h('h3', null, t('performer.tips')), tipsList, tipsEmpty),
            earnings,
            support.el),
          chat.el)));
  }

  // ---- profile and earnings
  async function start() {
    try {
      state.profile = await app.api.performerMe();
    } catch (e) {
      if (state.destroyed) return;
      if (e.status === 403 || e.status === 404 || e.status === 401) {
        const role = app.session.user ? app.session.user.role : null;
        app.session.clear();
        app.show('signin', {error: e.status === 401 ? t('signin.expired') : t('performer.notPerformer', {role: role ? t('role.' + role) : ''})});
        return;
      }
      replace(el, h('p', {class: 'ppv-state', role: 'alert'}, t('performer.profileError', {error: apiErrorText(app, e)})),
        h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'retry'}, onclick: () => { replace(el, loading); start(); }}, t('wall.retry')));
      return;
    }
    if (state.destroyed) return;
    dashboard();
    renderEarnings(state.profile.today);
    await startMedia();
  }

  async function refreshEarnings() {
    try {
      const profile = await app.api.performerMe();
      renderEarnings(profile.today);
    } catch {
      /* keep the last figures */
    }
  }

  function renderEarnings(today) {
    if (!today) {
      replace(earnings, h('h3', null, t('performer.today')), h('p', {class: 'ppv-hint'}, t('performer.earningsNone')));
      return;
    }
    earnings.dataset.credits = String(today.credits ?? 0);
    replace(earnings,
      h('h3', null, t('performer.today')),
      h('p', {class: 'ppv-earnings-total'}, fmt.money(today.earnings, today.currency || config.currency)),
      h('ul', {class: 'ppv-earnings-figures'},
        h('li', null, t('performer.todayTips', {count: today.tips ?? 0, n: fmt.number(today.tips ?? 0), credits: fmt.credits(today.tipCredits ?? 0)})),
        h('li', null, t('performer.todayShows', {count: today.shows ?? 0, n: fmt.number(today.shows ?? 0),
          time: fmt.duration(today.showSeconds ?? 0), credits: fmt.credits(today.showCredits ?? 0)})),
        h('li', null, t('performer.todayCredits', {credits: fmt.credits(today.credits ?? 0), count: today.credits ?? 0}))));
  }

  // ---- camera and microphone
  async function startMedia() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      setText(mediaState, t('performer.noMediaSupport'));
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 1280}, height: {ideal: 720}}, audio: true});
    } catch (e) {
      try {
        stream = await navigator.mediaDevices.getUserMedia({video: true});
      } catch {
        setText(mediaState, t('performer.cameraDenied', {error: e.message || e.name}));
        return;
      }
    }
    if (state.destroyed) return stopMedia();
    preview.srcObject = stream;
    preview.play().catch(() => {});
    setText(mediaState, '');
    mediaState.hidden = true;
    await listDevices();
    if (navigator.mediaDevices.addEventListener && !state.watchingDevices) {
      navigator.mediaDevices.addEventListener('devicechange', listDevices);
      state.watchingDevices = true;
    }
  }

  async function listDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    fill(camera, devices.filter((d) => d.kind === 'videoinput'), stream && stream.getVideoTracks()[0], 'performer.cameraN');
    fill(microphone, devices.filter((d) => d.kind === 'audioinput'), stream && stream.getAudioTracks()[0], 'performer.microphoneN');
  }

  function fill(select, devices, track, labelKey) {
    const current = track && track.getSettings ? track.getSettings().deviceId : null;
    replace(select, devices.map((d, i) => h('option', {value: d.deviceId, selected: d.deviceId === current}, d.label || t(labelKey, {n: i + 1}))));
    if (!devices.length) select.append(h('option', {value: ''}, t('performer.noDevice')));
  }

  async function switchDevice(kind, deviceId) {
    if (!deviceId || !stream) return;
    try {
      const constraints = kind === 'video' ? {video: {deviceId: {exact: deviceId}}} : {audio: {deviceId: {exact: deviceId}}};
      const fresh = await navigator.mediaDevices.getUserMedia(constraints);
      const track = kind === 'video' ? fresh.getVideoTracks()[0] : fresh.getAudioTracks()[0];
      for (const old of (kind === 'video' ? stream.getVideoTracks() : stream.getAudioTracks())) {
        stream.removeTrack(old);
        old.stop();
      }
      stream.addTrack(track);
      await peers.replaceTrack(kind, track);
      if (kind === 'video') preview.srcObject = stream;
    } catch (e) {
      app.toast(t('performer.deviceFailed', {error: e.message || e.name}));
    }
  }
  camera.addEventListener('change', () => switchDevice('video', camera.value));
  microphone.addEventListener('change', () => switchDevice('audio', microphone.value));

  function stopMedia() {
    if (stream) stream.getTracks().forEach((tr) => tr.stop());
    stream = null;
  }

  // ---- going live: opening the room socket is going online
  function connect() {
    if (socket) return;
    if (!stream) app.toast(t('performer.liveWithoutCamera'), 'info');
    state.goingOffline = false;
    goLive.disabled = true;
    setLive('connecting');
    socket = new ProtocolSocket(
      ProtocolSocket.url(config.base, `/ws/webmasters/${encodeURIComponent(config.webmasterId)}/rooms/${encodeURIComponent(state.profile.id)}`),
      () => app.session.token);
    socket.on('welcome', welcome);
    socket.on('watcher.joined', (m) => {
      remember(m.person);
      people.add(m.person);
      if (!state.show || state.show.ended) peers.offerTo(m.person.id);
    });
    socket.on('watcher.left', (m) => {
      people.remove(m.userId);
      peers.close(m.userId);
    });
    socket.on('chat', (m) => { remember(m.from); chat.add(m); });
    socket.on('chat.removed', (m) => chat.remove(m.id));
    socket.on('typing', (m) => people.typing(m.userId, m.text));
    socket.on('private.requested', (m) => addRequest(m));
    for (const type of ['private.cancelled', 'private.declined', 'private.expired']) socket.on(type, (m) => removeRequest(m.showId));
    socket.on('show.started', (m) => {
      clearRequests();
      peers.closeAllExcept(m.userId); // one-to-one: staff included
      people.keepOnly(m.userId);
      startShow(m);
    });
    socket.on('show.ended', (m) => {
      endedShow(m);
      refreshEarnings();
    });
    socket.on('tip', (m) => {
      tipsEmpty.hidden = true;
      tipsList.prepend(h('li', {dataset: {userId: m.userId, credits: m.credits}},
        h('span', {class: 'ppv-time'}, fmt.time(new Date())), ' ',
        h('span', {class: 'ppv-name'}, m.name), ' ',
        h('span', {class: 'ppv-credits'}, t('credits.amount', {credits: fmt.credits(m.credits), count: m.credits}))));
      chat.system(t('tip.received', {name: m.name, credits: fmt.credits(m.credits), count: m.credits}));
      refreshEarnings();
    });
    socket.on('moderation', (m) => chat.system(moderationText(app, m, (id) => names.get(id))));
    socket.on('signal', (m) => peers.handleSignal(m.from, m.signal));
    socket.on('ejected', (m) => { state.ejected = m; });
    socket.on('error', (m) => {
      if (m.about === 'typing.watch' || m.about === 'signal') return;
      if (m.about === 'join') state.joinError = m;
      if (m.about === 'chat') chat.refused();
      app.toast(m.message || t('error.unexpected'));
    });
    socket.on('close', ({code, willReconnect}) => {
      if (willReconnect && !state.goingOffline) {
        setLive('reconnecting'); // within the grace the room and a show carry on
        return;
      }
      socket.noReconnect();
      socket = null;
      peers.closeAll();
      people.clear();
      clearRequests();
      chat.setEnabled(false);
      if (state.show && !state.show.ended) endedShow({showId: state.show.showId, reason: 'PERFORMER_ENDED'});
      setLive('offline');
      goLive.disabled = false;
      if (!state.goingOffline && code !== 1000) {
        notice(app, notices, 'closed', state.joinError ? state.joinError.message : t('performer.connectionLost', {code}));
      }
      state.joinError = null;
      state.ejected = null;
    });
    socket.connect();
  }

  function welcome(m) {
    state.part = m.part;
    if (m.part !== 'PERFORMER') {
      app.toast(t('performer.notYourRoom'));
      return;
    }
    setLive('live');
    chat.setEnabled(true);
    peers.iceServers = m.iceServers || [];
    for (const line of m.history || []) { remember(line.from); chat.add(line); }
    people.set(m.watchers);
    (m.watchers || []).forEach(remember);
    clearRequests();
    (m.requests || []).forEach(addRequest);
    socket.send({type: 'typing.watch'}); // only if the site lets performers see live typing; refused quietly otherwise
    if (m.show) {
      // a reload or reconnect mid-show: the meter goes on from where the show stands
      if (!state.show || state.show.showId !== m.show.showId) {
        startShow(m.show);
      }
    } else if (state.show && !state.show.ended) {
      endedShow({showId: state.show.showId, reason: 'UNKNOWN'});
    }
    // after a reconnect: fresh connections to everyone watching (the watchers answer the new offers)
    peers.closeAll();
    const target = state.show && !state.show.ended ? state.show.userId : null;
    for (const w of m.watchers || []) if (target == null || w.id === target) peers.offerTo(w.id);
  }

  async function offline() {
    if (!socket) return;
    state.goingOffline = true;
    socket.noReconnect();
    if (!socket.send({type: 'offline'})) socket.close();
    setLive('leaving');
    setTimeout(() => { if (socket) socket.close(); }, 5000); // the server closes it first
  }

  function setLive(what) {
    liveState.dataset.live = what;
    setText(liveState, t('performer.state.' + what));
    goLive.hidden = what !== 'offline';
    goOffline.hidden = what === 'offline';
  }

  // ---- requests
  function addRequest(r) {
    if (requests.querySelector(`li[data-show-id="${r.showId}"]`)) return;
    remember(r.user);
    requestsEmpty.hidden = true;
    const li = h('li', {dataset: {showId: r.showId, userId: r.user.id}},
      h('span', {class: 'ppv-name'}, r.user.name), ' ',
      h('span', {class: 'ppv-rate'}, t('wall.price', {credits: fmt.credits(r.ratePerMinute), count: r.ratePerMinute})),
      h('span', {class: 'ppv-request-actions'},
        h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'accept'}, onclick: () => socket && socket.send({type: 'private.accept', showId: r.showId})}, t('performer.accept')),
        h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'decline'}, onclick: () => socket && socket.send({type: 'private.decline', showId: r.showId})}, t('performer.decline'))));
    requests.append(li);
  }

  function removeRequest(showId) {
    const li = requests.querySelector(`li[data-show-id="${showId}"]`);
    if (li) li.remove();
    requestsEmpty.hidden = requests.children.length > 0;
  }

  function clearRequests() {
    replace(requests);
    requestsEmpty.hidden = false;
  }

  // ---- the running show
  /** m: show.started, or welcome.show after a reload or reconnect mid-show. */
  function startShow(m) {
    state.show = startMeter(m);
    const userId = m.userId;
    showPanel.hidden = false;
    showPanel.querySelector('[data-action=end-show]').hidden = false;
    setText(showTitle, t('performer.showWith', {name: userId != null ? names.get(userId) || '#' + userId : ''}));
    clearInterval(meterTimer);
    meterTimer = setInterval(renderShow, 250);
    renderShow();
  }

  function renderShow() {
    const show = state.show;
    if (!show) return;
    const seconds = elapsedSeconds(show);
    const credits = spentCredits(show);
    showSeconds.dataset.seconds = String(seconds);
    setText(showSeconds, fmt.duration(seconds));
    showCredits.dataset.credits = String(credits);
    setText(showCredits, t('credits.amount', {credits: fmt.credits(credits), count: credits}));
  }

  function endedShow(m) {
    if (!state.show || state.show.showId !== m.showId) return;
    clearInterval(meterTimer);
    stopMeter(state.show, m);
    renderShow();
    showPanel.querySelector('[data-action=end-show]').hidden = true;
    setText(showTitle, t('show.endedTitle'));
    const billed = m.seconds != null ? ' ' + t('show.billed', {time: fmt.duration(m.seconds), credits: fmt.credits(m.credits), count: m.credits}) : '';
    notice(app, notices, m.reason, showEndedText(app, m.reason) + billed);
  }

  async function endShow() {
    if (!state.show || state.show.ended || !socket) return;
    const ok = await openDialog(app, {title: t('show.endTitle'), confirmLabel: t('show.end'), danger: true});
    if (ok && socket) socket.send({type: 'show.end', showId: state.show.showId});
  }

  function remember(person) {
    if (person && person.id != null) names.set(person.id, person.name);
  }

  start();
  return {
    el,
    destroy() {
      state.destroyed = true;
      clearInterval(meterTimer);
      if (socket) {
        socket.noReconnect();
        socket.close();
      }
      peers.closeAll();
      if (chat) chat.destroy();
      if (support) support.destroy();
      stopMedia();
      if (state.watchingDevices) navigator.mediaDevices.removeEventListener('devicechange', listDevices);
    },
    async diagnostics() {
      return {part: state.part, peers: await peers.stats()};
    },
  };
}
