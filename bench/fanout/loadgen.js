'use strict';
// The load generator of bin/bench-fanout, the same for both servers. It knows nothing about either: it
// gets a room URL, a fixture (who connects with which token and origin) and the PID of the server to
// watch. Performer, sender and every watcher are sockets of this one process, so every latency is
// measured on one clock (performance.now()).
//
//   node loadgen.js run --url WS --fixture SITE.json|fake --server-pid PID --out-dir DIR --label NAME
//        [--sizes "1000 5000 10000"] [--rate 20] [--max-deliveries 20000] [--seconds 30] [--warmup 10]
//        [--drain 10] [--max-backlog-seconds 5] [--batch 200]
//        [--memory-small 1000 --memory-large 10000 --gc "command for a full GC" [--heap "jcmd PID GC.heap_info"]]
//   node loadgen.js report DIR/*.json          prints the comparison table
//
// run: the performer, then the sender connect; watchers are added in batches (each waits for its welcome)
// up to each size in turn, so one site and one set of sockets serve every size. Per size: a warm-up that
// is discarded, then a window of --seconds in which the sender says "b:<seq>:<performance.now()>:..." at a
// fixed rate (min(--rate, --max-deliveries / watchers) messages per second). Over the window: chat frames
// received by watchers, server CPU (utime+stime of /proc/PID/stat), this process's own CPU
// (process.cpuUsage) and event-loop utilisation; then a drain of up to --drain seconds counts what never
// arrived. Memory: VmRSS of the server after --gc with --memory-small and with --memory-large watchers
// connected and idle (no message under way).
const fs = require('fs');
const os = require('os');
const { execSync } = require('child_process');
const { performance } = require('perf_hooks');
const WebSocket = require('ws');

const CHAT_PREFIX = Buffer.from('{"type":"chat"');
const TEXT_MARK = Buffer.from('"text":"b:');
const QUOTE = 0x22;
const COLON = 0x3a;

function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
    else out._.push(argv[i]);
  }
  return out;
}

function log(...parts) {
  process.stderr.write(`[loadgen ${new Date().toISOString().slice(11, 19)}] ${parts.join(' ')}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- the server process, from /proc

let clockTicks = 0;
function serverCpuSeconds(pid) {
  if (!clockTicks) clockTicks = Number(execSync('getconf CLK_TCK').toString().trim());
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
  return (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime (14) + stime (15)
}

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

function ownCpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

// ---------------------------------------------------------------- the fixture: who connects how

function fixture(spec, watchers) {
  if (spec === 'fake') {
    const origin = 'http://localhost:8080';
    return {
      origin,
      performer: 'performer',
      sender: 'sender',
      watchers: Array.from({ length: watchers }, (_, i) => `watcher-${i}`),
    };
  }
  const site = JSON.parse(fs.readFileSync(spec, 'utf8'));
  if (!site.performers?.length || !site.users?.length) throw new Error(`${spec}: no performer or user`);
  if ((site.watcherTokens || []).length < watchers) {
    throw new Error(`${spec}: ${site.watcherTokens?.length || 0} watcher tokens, ${watchers} needed`);
  }
  return {
    origin: site.origin,
    performer: site.performers[0].token,
    sender: site.users[0].token,
    watchers: site.watcherTokens.slice(0, watchers),
  };
}

// ---------------------------------------------------------------- sockets

/** Opens one socket and resolves once the server's first message (the welcome) arrived. */
function open(url, token, origin, name, stats) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['ppvchat.1', 'bearer.' + token], {
      origin,
      perMessageDeflate: false,
      skipUTF8Validation: true,
      handshakeTimeout: 60000,
    });
    let welcomed = false;
    socket.on('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => reject(new Error(`${name}: handshake refused, HTTP ${res.statusCode} ${body.slice(0, 300)}`)));
      res.on('error', () => reject(new Error(`${name}: handshake refused, HTTP ${res.statusCode}`)));
    });
    socket.on('error', (e) => {
      if (!welcomed) reject(new Error(`${name}: ${e.message}`));
      else stats.errors.push(`${name}: ${e.message}`);
    });
    socket.on('close', (code, reason) => {
      if (!welcomed) {
        reject(new Error(`${name}: closed before the welcome, code ${code} ${reason.toString()}`));
        return;
      }
      if (!stats.closing) {
        stats.closes[code] = (stats.closes[code] || 0) + 1;
        if (stats.closeSamples.length < 5) stats.closeSamples.push(`${name}: ${code} ${reason.toString()}`);
      }
    });
    // The welcome should come first; a broadcast (presence) that overtakes it is counted and skipped.
    const beforeWelcome = (data) => {
      let message;
      try {
        message = JSON.parse(data.toString());
      } catch {
        message = { type: '?' };
      }
      if (message.type === 'welcome') {
        welcomed = true;
        socket.off('message', beforeWelcome);
        resolve(socket);
      } else if (message.type === 'error' || message.type === '?') {
        socket.off('message', beforeWelcome);
        reject(new Error(`${name}: got ${data.toString().slice(0, 300)} instead of a welcome`));
        socket.terminate();
      } else {
        stats.beforeWelcome[message.type] = (stats.beforeWelcome[message.type] || 0) + 1;
      }
    };
    socket.on('message', beforeWelcome);
  });
}

/** Opens the watchers in batches, each batch waiting for all its welcomes. */
async function openWatchers(url, tokens, origin, from, to, batch, stats, onMessage) {
  const sockets = [];
  const started = performance.now();
  for (let i = from; i < to; i += batch) {
    const end = Math.min(i + batch, to);
    // A watcher the server turns away before its welcome is tried twice more (and counted in the result).
    const attempt = async (token, name) => {
      for (let tries = 1; ; tries++) {
        try {
          return await open(url, token, origin, name, stats);
        } catch (e) {
          stats.refusedJoins.push(e.message);
          if (tries >= 3) throw e;
          log(`  retrying ${e.message}`);
        }
      }
    };
    const opened = await Promise.all(tokens.slice(i, end).map((token, k) => attempt(token, `watcher ${i + k}`)));
    for (const socket of opened) {
      if (onMessage) socket.on('message', onMessage);
      sockets.push(socket);
    }
    if (end % 2000 === 0 || end === to) {
      log(`  ${end} watchers connected (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return sockets;
}

async function closeAll(sockets, stats) {
  stats.closing = true;
  const open = sockets.filter((s) => s.readyState === WebSocket.OPEN || s.readyState === WebSocket.CONNECTING);
  const closed = Promise.all(open.map((s) => new Promise((resolve) => s.once('close', resolve))));
  for (let i = 0; i < open.length; i++) {
    open[i].close(1000, 'benchmark done');
    if (i % 500 === 499) await sleep(5);
  }
  await Promise.race([closed, sleep(15000)]);
  for (const s of sockets) if (s.readyState !== WebSocket.CLOSED) s.terminate();
}

function newStats() {
  return { closes: {}, closeSamples: [], errors: [], beforeWelcome: {}, refusedJoins: [], closing: false };
}

// ---------------------------------------------------------------- one run: every size, then memory

/** Waits until the server's CPU falls below `cores` over a 1 s sample (the previous backlog is gone). */
async function quiet(pid, cores, maxSeconds) {
  const started = performance.now();
  let last = NaN;
  while (performance.now() - started < maxSeconds * 1000) {
    const before = serverCpuSeconds(pid);
    await sleep(1000);
    last = serverCpuSeconds(pid) - before;
    if (last < cores) return last;
  }
  log(`  server still busy (${last.toFixed(2)} cores) after ${maxSeconds} s; going on`);
  return last;
}

async function run(a) {
  const url = a.url;
  const pid = Number(a['server-pid']);
  const label = a.label || url;
  const sizes = String(a.sizes || '1000').split(/[ ,]+/).filter(Boolean).map(Number).sort((x, y) => x - y);
  const memSmall = Number(a['memory-small'] || 0);
  const memLarge = Number(a['memory-large'] || 0);
  const maxRate = Number(a.rate || 20);
  const maxDeliveries = Number(a['max-deliveries'] || 0); // per second; 0: no cap
  const seconds = Number(a.seconds || 30);
  const warmup = Number(a.warmup || 10);
  const drainLimit = Number(a.drain || 10);
  const backlogSeconds = Number(a['max-backlog-seconds'] || 5);
  const batch = Number(a.batch || 200);
  const outDir = a['out-dir'];
  const memoryOn = memSmall > 0 && memLarge > memSmall;
  const targets = [...new Set([...sizes, ...(memoryOn ? [memSmall, memLarge] : [])])].sort((x, y) => x - y);
  const most = targets[targets.length - 1];
  const who = fixture(a.fixture, most);
  const stats = newStats();

  // What every watcher frame updates: kept flat and preallocated, no JSON.parse per frame.
  const MAX_SEQ = 1 << 20;
  const receivedPerSeq = new Int32Array(MAX_SEQ);
  let received = 0; // chat frames received by watchers, all of them
  let windowFirstSeq = Infinity; // the messages sent in the current window: [windowFirstSeq, windowEndSeq)
  let windowEndSeq = Infinity;
  let latencies = new Float64Array(0);
  let latencyCount = 0;
  let unparsed = 0;

  function onWatcherMessage(data) {
    const now = performance.now();
    if (data.length < CHAT_PREFIX.length || data.compare(CHAT_PREFIX, 0, CHAT_PREFIX.length, 0, CHAT_PREFIX.length) !== 0) {
      return;
    }
    const at = data.indexOf(TEXT_MARK, CHAT_PREFIX.length);
    if (at < 0) {
      unparsed++;
      return;
    }
    let i = at + TEXT_MARK.length;
    let seq = 0;
    while (data[i] !== COLON) seq = seq * 10 + (data[i++] - 48);
    const start = ++i;
    while (data[i] !== COLON && data[i] !== QUOTE) i++;
    const sentAt = Number(data.toString('latin1', start, i));
    received++;
    if (seq < MAX_SEQ) receivedPerSeq[seq]++;
    if (seq >= windowFirstSeq && seq < windowEndSeq && latencyCount < latencies.length) {
      latencies[latencyCount++] = now - sentAt;
    }
  }

  const seen = {};
  function countTypes(where) {
    return (data) => {
      const text = data.toString();
      let type = '?';
      try {
        type = JSON.parse(text).type;
      } catch {}
      seen[where + ' ' + type] = (seen[where + ' ' + type] || 0) + 1;
      if (type === 'error' && stats.errors.length < 10) stats.errors.push(`${where}: ${text.slice(0, 300)}`);
    };
  }

  log(`${label}: sizes ${sizes.join(', ')}${memoryOn ? `; memory at ${memSmall} and ${memLarge} idle watchers` : ''} on ${url}`);
  await quiet(pid, 0.3, 30);
  const performer = await open(url, who.performer, who.origin, 'performer', stats);
  performer.on('message', countTypes('performer'));
  const sender = await open(url, who.sender, who.origin, 'sender', stats);
  sender.on('message', countTypes('sender'));
  const watchers = [];
  const connectedWatchers = () => watchers.length - Object.values(stats.closes).reduce((x, y) => x + y, 0);

  // The sender: message seq is due at t0 + k/rate; a late timer catches up. It holds a message back
  // (and counts it) only while more than max-backlog-seconds of messages have not reached every watcher,
  // so that a server that cannot keep up is measured at its limit instead of queueing without end.
  let seq = 0;
  let sender$ = null;
  function startSending(rate, n) {
    const period = 1000 / rate;
    const maxInFlight = Math.max(2, Math.ceil(rate * backlogSeconds));
    const state = { sending: true, held: 0, k: 0, oldest: seq, n };
    const t0 = performance.now();
    const filler = ' hello everyone, how is the show tonight?';
    const tick = () => {
      if (!state.sending) return;
      const now = performance.now();
      const need = Math.max(1, connectedWatchers());
      while (state.oldest < seq && receivedPerSeq[state.oldest] >= need) state.oldest++;
      while (state.sending && t0 + state.k * period <= now) {
        state.k++;
        if (seq - state.oldest >= maxInFlight) {
          state.held++;
          continue;
        }
        sender.send(`{"type":"chat","text":"b:${seq}:${performance.now().toFixed(3)}:${filler}"}`);
        seq++;
      }
      setTimeout(tick, Math.max(0, t0 + state.k * period - performance.now()));
    };
    tick();
    return state;
  }

  async function memoryPoint(n) {
    await quiet(pid, 0.3, 20);
    await sleep(1000);
    if (a.gc) execSync(a.gc, { stdio: 'ignore' });
    await sleep(2000);
    let heapKb = null;
    if (a.heap) {
      const m = /used\s+(\d+)K/.exec(execSync(a.heap).toString());
      heapKb = m ? Number(m[1]) : null;
    }
    const point = { watchers: n, rssKb: rssKb(pid), heapUsedKb: heapKb };
    log(`  memory with ${n} watchers connected: VmRSS ${point.rssKb} KB${heapKb != null ? `, heap used ${heapKb} KB` : ''}`);
    return point;
  }

  const memoryPoints = [];
  const connectStarted = performance.now();
  for (const n of targets) {
    const before = watchers.length;
    const opened = await openWatchers(url, who.watchers, who.origin, before, n, batch, stats, onWatcherMessage);
    watchers.push(...opened);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    log(`  ${n} watchers in the room (${opened.length} added; ${connectSeconds.toFixed(1)} s into the run)`);
    const measured = sizes.includes(n);
    if (!measured) {
      memoryPoints.push(await memoryPoint(n));
      continue;
    }
    const rate = maxDeliveries > 0 ? Math.min(maxRate, maxDeliveries / n) : maxRate;
    const idleCores = await quiet(pid, 0.3, 20);

    // Warm-up (JIT), discarded.
    log(`  ${n} watchers: warm-up ${warmup} s at ${rate.toFixed(2)} msg/s`);
    sender$ = startSending(rate, n);
    await sleep(warmup * 1000);
    if (memoryOn && (n === memSmall || n === memLarge)) {
      sender$.sending = false;
      memoryPoints.push(await memoryPoint(n));
      sender$ = startSending(rate, n);
      await sleep(2000);
    }

    // The window.
    latencies = new Float64Array(Math.ceil(rate * seconds + rate + 4) * n);
    latencyCount = 0;
    const closesBefore = JSON.stringify(stats.closes);
    const receivedAtStart = received;
    const cpuStart = serverCpuSeconds(pid);
    const ownStart = ownCpuSeconds();
    const eluStart = performance.eventLoopUtilization();
    const heldAtStart = sender$.held;
    const wallStart = performance.now();
    windowFirstSeq = seq;
    log(`  ${n} watchers: measuring ${seconds} s`);
    await sleep(seconds * 1000);
    windowEndSeq = seq;
    sender$.sending = false;
    const wallEnd = performance.now();
    const receivedAtEnd = received;
    const cpuEnd = serverCpuSeconds(pid);
    const ownEnd = ownCpuSeconds();
    const elu = performance.eventLoopUtilization(eluStart);
    const held = sender$.held - heldAtStart;
    const windowSeconds = (wallEnd - wallStart) / 1000;

    const sentInWindow = windowEndSeq - windowFirstSeq;
    const expected = sentInWindow * n;
    const gotOfWindow = () => {
      let sum = 0;
      for (let s = windowFirstSeq; s < windowEndSeq; s++) sum += receivedPerSeq[s];
      return sum;
    };
    const drainStart = performance.now();
    while (gotOfWindow() < expected && performance.now() - drainStart < drainLimit * 1000) await sleep(50);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const got = gotOfWindow();
    windowFirstSeq = windowEndSeq = Infinity;

    // Percentiles over every delivery that was due; one still missing after the drain counts as infinite.
    const sorted = latencies.subarray(0, latencyCount).sort();
    const pct = (p) => {
      if (!expected) return NaN;
      const index = Math.max(0, Math.ceil((p / 100) * expected) - 1);
      return index < sorted.length ? sorted[index] : Infinity;
    };
    const deliveries = receivedAtEnd - receivedAtStart;
    const serverCpu = cpuEnd - cpuStart;
    const ownCpu = ownEnd - ownStart;
    const result = {
      kind: 'fanout',
      label,
      watchers: n,
      rate,
      warmupSeconds: warmup,
      windowSeconds,
      serverIdleCores: idleCores,
      sentInWindow,
      heldBackInWindow: held,
      expectedDeliveries: expected,
      deliveriesInWindow: deliveries,
      deliveriesPerSecond: deliveries / windowSeconds,
      serverCpuSeconds: serverCpu,
      serverCores: serverCpu / windowSeconds,
      deliveriesPerCpuSecond: deliveries / serverCpu,
      latencyMs: {
        p50: pct(50),
        p99: pct(99),
        max: got < expected ? Infinity : sorted.length ? sorted[sorted.length - 1] : NaN,
        samples: sorted.length,
      },
      receivedOfWindowMessages: got,
      lost: expected - got,
      drainSeconds,
      generatorCpuSeconds: ownCpu,
      generatorCores: ownCpu / windowSeconds,
      generatorEventLoopUtilization: elu.utilization,
      unexpectedClosesSoFar: stats.closes,
      newClosesInWindow: closesBefore !== JSON.stringify(stats.closes),
      closeSamples: stats.closeSamples,
      errors: stats.errors.slice(0, 10),
      unparsedChats: unparsed,
      messagesBeforeWelcome: stats.beforeWelcome,
      performerAndSenderSaw: { ...seen },
    };
    const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : `>${drainLimit}s`);
    log(
      `  ${n} watchers: ${deliveries} deliveries in ${windowSeconds.toFixed(1)} s, server ${serverCpu.toFixed(2)} CPU-s ` +
        `-> ${Math.round(result.deliveriesPerCpuSecond)} per CPU-s; p50 ${ms(result.latencyMs.p50)} ms, ` +
        `p99 ${ms(result.latencyMs.p99)} ms; lost ${result.lost}; held back ${held}; generator ${ownCpu.toFixed(2)} CPU-s ` +
        `(ELU ${(elu.utilization * 100).toFixed(0)}%)`,
    );
    if (Object.keys(stats.closes).length) log(`  closed by the server so far: ${JSON.stringify(stats.closes)} ${stats.closeSamples.join('; ')}`);
    if (stats.errors.length) log(`  errors: ${stats.errors.slice(0, 5).join(' | ')}`);
    fs.writeFileSync(`${outDir}/${label}-fanout-${n}.json`, JSON.stringify(result, null, 2));
  }

  if (memoryOn) {
    const small = memoryPoints.find((p) => p.watchers === memSmall);
    const large = memoryPoints.find((p) => p.watchers === memLarge);
    const per = (x, y) => (x != null && y != null ? (y - x) / (memLarge - memSmall) : null);
    const result = {
      kind: 'memory',
      label,
      small: memSmall,
      large: memLarge,
      rssSmallKb: small.rssKb,
      rssLargeKb: large.rssKb,
      rssPerWatcherKb: per(small.rssKb, large.rssKb),
      heapSmallKb: small.heapUsedKb,
      heapLargeKb: large.heapUsedKb,
      heapPerWatcherKb: per(small.heapUsedKb, large.heapUsedKb),
      gc: a.gc || null,
      closes: stats.closes,
    };
    log(`  memory: ${result.rssPerWatcherKb.toFixed(1)} KB RSS per idle watcher`);
    fs.writeFileSync(`${outDir}/${label}-memory.json`, JSON.stringify(result, null, 2));
  }
  log(`  closing ${watchers.length + 2} sockets`);
  await closeAll([performer, sender, ...watchers], stats);
}

// ---------------------------------------------------------------- the table

function report(files) {
  const results = files.filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const fan = results.filter((r) => r.kind === 'fanout');
  const mem = results.filter((r) => r.kind === 'memory');
  const sizes = [...new Set(fan.map((r) => r.watchers))].sort((x, y) => x - y);
  const labels = [...new Set(fan.map((r) => r.label))].sort((x, y) => (x === 'ours' ? -1 : y === 'ours' ? 1 : x.localeCompare(y)));
  const find = (label, n) => fan.find((r) => r.label === label && r.watchers === n);
  const bad = (x) => x == null || Number.isNaN(x);
  const f0 = (x) => (bad(x) ? '-' : x === Infinity ? 'inf' : Math.round(x).toLocaleString('en-US'));
  const f1 = (x) => (bad(x) ? '-' : x === Infinity ? 'lost' : x.toFixed(1));
  const f2 = (x) => (bad(x) ? '-' : x.toFixed(2));
  const line = (cells, widths) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
  const out = [];
  const any = fan[0];
  out.push('');
  out.push('=== Fan-out: one room, one sender at a fixed rate, N watchers (one row per server and size) ===');
  if (any) {
    out.push(
      `${any.warmupSeconds} s warm-up discarded, then a ${Math.round(any.windowSeconds)} s window. deliv = chat frames received by ` +
        'watchers in the window; srv CPU = utime+stime of the server process in the window (/proc/PID/stat, CLK_TCK); ' +
        'latency = receive time - send time on one clock, over every delivery due, a missing one counting as infinite ' +
        '("lost"); lost = deliveries due in the window that had not arrived after the drain; held = messages the ' +
        'sender skipped because more than 5 s worth had not reached every watcher (the server was saturated); ' +
        'idle = server cores with no message sent, just before the warm-up; gen = the load generator.',
    );
  }
  const widths = [8, 8, 6, 8, 7, 6, 6, 10, 8, 8, 8, 9, 5, 6, 7, 5, 4];
  out.push(
    line(
      ['server', 'watchers', 'msg/s', 'deliv/s', 'srvCPUs', 'srvCor', 'idle', 'deliv/CPUs', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'held', 'closes', 'genCPUs', 'gen%', 'ELU%'],
      widths,
    ),
  );
  for (const n of sizes) {
    for (const label of labels) {
      const r = find(label, n);
      if (!r) continue;
      const closes = Object.values(r.unexpectedClosesSoFar || {}).reduce((x, y) => x + y, 0);
      out.push(
        line(
          [
            label,
            f0(n),
            f2(r.rate),
            f0(r.deliveriesPerSecond),
            f2(r.serverCpuSeconds),
            f2(r.serverCores),
            f2(r.serverIdleCores),
            f0(r.deliveriesPerCpuSecond),
            f1(r.latencyMs.p50),
            f1(r.latencyMs.p99),
            f1(r.latencyMs.max),
            f0(r.lost),
            f0(r.heldBackInWindow),
            f0(closes),
            f2(r.generatorCpuSeconds),
            f0(r.generatorCores * 100),
            f0(r.generatorEventLoopUtilization * 100),
          ],
          widths,
        ),
      );
    }
  }
  out.push('');
  out.push('=== Against the targets ===');
  const verdict = (ok) => (ok == null ? 'n/a ' : ok ? 'MET ' : 'MISSED');
  for (const n of sizes) {
    const ours = find('ours', n);
    const base = find('baseline', n);
    if (ours && base) {
      const ratio = ours.deliveriesPerCpuSecond / base.deliveriesPerCpuSecond;
      out.push(
        `${verdict(ratio >= 1.0)}  ${f0(n)} watchers: ours/baseline deliveries per CPU-second = ${f2(ratio)}x ` +
          `(${f0(ours.deliveriesPerCpuSecond)} / ${f0(base.deliveriesPerCpuSecond)}); target >= 1.0x`,
      );
    }
  }
  const ours5k = find('ours', 5000);
  out.push(
    ours5k
      ? `${verdict(ours5k.latencyMs.p99 < 100)}  p99 latency at 5,000 watchers (ours) = ${f1(ours5k.latencyMs.p99)} ms; target < 100 ms`
      : 'n/a     p99 latency at 5,000 watchers: no result for ours at 5,000 watchers',
  );
  for (const m of mem) {
    const ok = m.label === 'ours' ? m.rssPerWatcherKb <= 30 : null;
    out.push(
      `${m.label === 'ours' ? verdict(ok) : 'info  '}  memory per idle watcher (${m.label}) = ${f1(m.rssPerWatcherKb)} KB RSS ` +
        `(VmRSS ${f0(m.rssSmallKb)} KB at ${f0(m.small)} -> ${f0(m.rssLargeKb)} KB at ${f0(m.large)}, after ${m.gc ? 'a full GC' : 'no GC'})` +
        (m.heapPerWatcherKb != null ? `; live heap ${f1(m.heapPerWatcherKb)} KB per watcher` : '') +
        (m.label === 'ours' ? '; target <= 30 KB' : ''),
    );
  }
  out.push('');
  out.push('=== Was the load generator the bottleneck? ===');
  let worst = 0;
  let lost = 0;
  let saturated = [];
  for (const r of fan) {
    worst = Math.max(worst, r.generatorCores, r.generatorEventLoopUtilization);
    lost += r.lost;
    if (r.lost > 0 || r.heldBackInWindow > 0) saturated.push(`${r.label} at ${f0(r.watchers)}`);
  }
  out.push(
    'The generator (one Node process holding every socket) is not the limit when its CPU stays well below one core ' +
      '(gen %) and its event loop is not saturated (gen ELU well below 100%), and every message sent in the window ' +
      'reached every watcher (lost = 0, closes = 0).',
  );
  out.push(
    worst < 0.8
      ? `OK: the generator's highest load was ${f0(worst * 100)}% of one core (CPU or event loop), so it kept up everywhere.`
      : `CAUTION: the generator reached ${f0(worst * 100)}% of one core; at that size latencies may be the generator's, not the server's.`,
  );
  out.push(
    saturated.length
      ? `Not delivered in time or held back (server saturated, not the generator when the line above says OK): ${saturated.join(', ')}.`
      : 'Every message sent in every window reached every watcher, none held back.',
  );
  out.push('');
  out.push('=== Machine ===');
  const sh = (cmd) => {
    try {
      return execSync(cmd, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
    } catch (e) {
      return ((e.stdout || '') + (e.stderr || '')).toString().trim() || '?';
    }
  };
  out.push(`nproc: ${sh('nproc')}; CPU: ${os.cpus()[0]?.model || '?'}; memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}`);
  out.push(`java -version: ${sh('java -version 2>&1').split('\n').join(' | ')}`);
  out.push(`node -v: ${process.version}; ws ${require('ws/package.json').version}`);
  console.log(out.join('\n'));
}

// ----------------------------------------------------------------

async function main() {
  const a = args(process.argv.slice(2));
  const command = a._[0];
  if (command === 'run') await run(a);
  else if (command === 'report') return report(a._.slice(1));
  else throw new Error('usage: loadgen.js run|report …');
  process.exit(0);
}

main().catch((e) => {
  log('FAILED:', e.stack || e.message);
  process.exit(1);
});
