// WebRTC (protocol section 7.4): the performer keeps one RTCPeerConnection per watcher and offers;
// a watcher keeps one connection to the performer and answers. Offers, answers and ICE candidates go
// through the room socket's `signal`: {description} or {candidate}. A watcher (or staff) also sends
// {ready: nonce} when it enters, so the performer offers to peers it was not told about (staff) and
// re-offers to a watcher whose page was reloaded. H.264 is preferred so that phones can send and watch.

/** Puts H.264 first among the codecs of a video transceiver (the others stay, after it). */
export function preferH264(transceiver) {
  try {
    if (!transceiver.setCodecPreferences || !window.RTCRtpReceiver || !RTCRtpReceiver.getCapabilities) return;
    const caps = RTCRtpReceiver.getCapabilities('video');
    if (!caps) return;
    const h264 = caps.codecs.filter((c) => c.mimeType.toLowerCase() === 'video/h264');
    if (!h264.length) return;
    const rest = caps.codecs.filter((c) => c.mimeType.toLowerCase() !== 'video/h264');
    transceiver.setCodecPreferences([...h264, ...rest]);
  } catch (e) {
    console.warn('ppv: could not prefer H.264', e);
  }
}

/** A transceiver's media kind (its receiver always has a track of that kind). */
function kindOf(transceiver) {
  return transceiver.receiver && transceiver.receiver.track ? transceiver.receiver.track.kind : null;
}

/**
 * One peer connection plus the candidates that arrived before its remote description. Its `id` (made by the
 * performer's side, echoed by the watcher's) travels in every signal as `pc`, so that an answer or a
 * candidate meant for a connection since replaced is dropped instead of confusing the new one.
 */
class Peer {
  constructor(userId, iceServers, sendSignal, id) {
    this.userId = userId;
    this.id = id;
    this.pc = new RTCPeerConnection({iceServers: iceServers || []});
    this.pending = [];
    this.chain = Promise.resolve();
    this.nonce = null;
    this.pc.onicecandidate = (e) => {
      if (e.candidate) sendSignal(userId, {candidate: e.candidate.toJSON(), pc: id});
    };
  }

  /** Whether a signal is for this connection (signals without an id come from clients that send none). */
  owns(signal) {
    return signal.pc === undefined || signal.pc === this.id;
  }

  /** Runs signal handling in order, one step at a time. */
  queue(step) {
    this.chain = this.chain.then(step).catch((e) => console.warn('ppv: signalling step failed', e));
    return this.chain;
  }

  async addCandidate(candidate) {
    if (!this.pc.remoteDescription) {
      this.pending.push(candidate);
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (e) {
      console.warn('ppv: a candidate was refused', e);
    }
  }

  async flush() {
    const waiting = this.pending;
    this.pending = [];
    for (const c of waiting) await this.addCandidate(c);
  }

  close() {
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    try {
      this.pc.close();
    } catch {
      /* already closed */
    }
  }
}

/** The performer's side: one connection per watcher, each sending the local stream. */
export class PerformerPeers {
  constructor({sendSignal, getStream}) {
    this.sendSignal = sendSignal;
    this.getStream = getStream;
    this.iceServers = [];
    this.peers = new Map();
  }

  offerTo(userId, nonce = null) {
    this.close(userId);
    const peer = new Peer(userId, this.iceServers, this.sendSignal, newId());
    peer.nonce = nonce;
    this.peers.set(userId, peer);
    const stream = this.getStream();
    const tracks = stream ? stream.getTracks() : [];
    for (const track of tracks) peer.pc.addTrack(track, stream);
    if (!tracks.some((tr) => tr.kind === 'video')) peer.pc.addTransceiver('video', {direction: 'sendonly'});
    if (!tracks.some((tr) => tr.kind === 'audio')) peer.pc.addTransceiver('audio', {direction: 'sendonly'});
    for (const tr of peer.pc.getTransceivers()) {
      tr.direction = 'sendonly';
      if (kindOf(tr) === 'video') preferH264(tr);
    }
    // A failed connection is restarted by the watcher's side alone (it sends a new `ready`), never by both.
    peer.queue(async () => {
      const offer = await peer.pc.createOffer();
      await peer.pc.setLocalDescription(offer);
      this.sendSignal(userId, {description: peer.pc.localDescription.toJSON(), pc: peer.id});
    });
  }

  /** A signal from a watcher: an answer, a candidate, or {ready} asking for an offer. */
  handleSignal(from, signal) {
    if (!signal) return;
    const peer = this.peers.get(from);
    if (signal.ready !== undefined) {
      const usable = peer && !['failed', 'closed'].includes(peer.pc.connectionState);
      if (usable && (peer.nonce === null || peer.nonce === signal.ready)) peer.nonce = signal.ready;
      else this.offerTo(from, signal.ready);
      return;
    }
    if (!peer || !peer.owns(signal)) return;
    if (signal.description && signal.description.type === 'answer') {
      peer.queue(async () => {
        if (peer.pc.signalingState !== 'have-local-offer') return;
        await peer.pc.setRemoteDescription(signal.description);
        await peer.flush();
      });
    } else if (signal.candidate) {
      peer.queue(() => peer.addCandidate(signal.candidate));
    }
  }

  /** A new camera or microphone: swapped on every live connection without renegotiation. */
  async replaceTrack(kind, track) {
    for (const peer of this.peers.values()) {
      for (const tr of peer.pc.getTransceivers()) {
        if (kindOf(tr) === kind && !tr.stopped) {
          try {
            await tr.sender.replaceTrack(track);
          } catch (e) {
            console.warn('ppv: replaceTrack failed', e);
          }
        }
      }
    }
  }

  close(userId) {
    const peer = this.peers.get(userId);
    if (peer) {
      peer.close();
      this.peers.delete(userId);
    }
  }

  closeAllExcept(userId) {
    for (const id of [...this.peers.keys()]) if (id !== userId) this.close(id);
  }

  closeAll() {
    for (const id of [...this.peers.keys()]) this.close(id);
  }

  stats() {
    return Promise.all([...this.peers.values()].map((p) => peerStats(p.userId, p.pc, 'outbound-rtp')));
  }
}

/** A watcher's (or staff's) side: one connection to the performer, re-created on each new offer. */
export class WatcherPeer {
  constructor({sendSignal, performerUserId, onStream}) {
    this.sendSignal = sendSignal;
    this.performerUserId = performerUserId;
    this.onStream = onStream;
    this.iceServers = [];
    this.peer = null;
    this.nonce = null;
    this.retryTimer = null;
  }

  /** Tells the performer we are here and want the stream; a new nonce asks for a fresh offer. */
  ready() {
    this.nonce = Math.random().toString(36).slice(2, 10);
    this.sendSignal(this.performerUserId, {ready: this.nonce});
  }

  handleSignal(from, signal) {
    if (from !== this.performerUserId || !signal) return;
    if (signal.description && signal.description.type === 'offer') {
      this.close();
      const peer = new Peer(from, this.iceServers, this.sendSignal, signal.pc);
      this.peer = peer;
      peer.pc.ontrack = (e) => this.onStream(e.streams && e.streams[0] ? e.streams[0] : new MediaStream([e.track]));
      peer.pc.onconnectionstatechange = () => {
        if (this.peer !== peer) return;
        clearTimeout(this.retryTimer);
        if (peer.pc.connectionState === 'failed') this.retryTimer = setTimeout(() => this.ready(), 1000);
      };
      peer.queue(async () => {
        await peer.pc.setRemoteDescription(signal.description);
        for (const tr of peer.pc.getTransceivers()) {
          tr.direction = 'recvonly';
          if (kindOf(tr) === 'video') preferH264(tr);
        }
        const answer = await peer.pc.createAnswer();
        await peer.pc.setLocalDescription(answer);
        this.sendSignal(from, {description: peer.pc.localDescription.toJSON(), pc: peer.id});
        await peer.flush();
      });
    } else if (signal.candidate && this.peer && this.peer.owns(signal)) {
      const peer = this.peer;
      peer.queue(() => peer.addCandidate(signal.candidate));
    }
  }

  close() {
    clearTimeout(this.retryTimer);
    if (this.peer) this.peer.close();
    this.peer = null;
  }

  stats() {
    return this.peer ? Promise.all([peerStats(this.performerUserId, this.peer.pc, 'inbound-rtp')]) : Promise.resolve([]);
  }
}

function newId() {
  return Math.random().toString(36).slice(2, 10);
}

/** {userId, connectionState, codec, framesDecoded, framesEncoded} from getStats (video only). */
export async function peerStats(userId, pc, rtpType) {
  const result = {userId, connectionState: pc.connectionState, codec: null, framesDecoded: 0, framesEncoded: 0};
  try {
    const report = await pc.getStats();
    report.forEach((s) => {
      if (s.type === rtpType && (s.kind === 'video' || s.mediaType === 'video')) {
        if (s.framesDecoded != null) result.framesDecoded = s.framesDecoded;
        if (s.framesEncoded != null) result.framesEncoded = s.framesEncoded;
        const codec = s.codecId ? report.get(s.codecId) : null;
        if (codec && codec.mimeType) result.codec = codec.mimeType;
      }
    });
  } catch {
    /* a closed connection has no stats */
  }
  return result;
}
