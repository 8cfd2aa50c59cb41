/**
 * Live audio levels from one shared `AudioContext` for the whole page (browsers limit how many a
 * page may have, and each costs a thread), sampled for every watched track on one timer.
 *
 * Chrome keeps every MediaStreamAudioSourceNode alive for as long as its context runs, with the
 * track it reads (and whatever that track's handlers hold: for a received track, its whole
 * PeerConnection). So a context that saw meters come and go is replaced: the meters still
 * watching move to a fresh one, and the old one is closed, which frees its nodes.
 */

import { streamOf } from './track-stream.js';

export type LevelListener = (level: number) => void;

interface Nodes {
  readonly context: AudioContext;
  readonly source: MediaStreamAudioSourceNode;
  readonly analyser: AnalyserNode;
  readonly samples: Float32Array<ArrayBuffer>;
}

interface Watch {
  readonly listener: LevelListener;
  readonly track: MediaStreamTrack;
  nodes: Nodes | undefined;
  level: number;
}

const INTERVAL_MS = 50;
/** How long after a meter goes the context is replaced (meters tend to go together: a member leaving). */
const RECYCLE_AFTER_MS = 1000;
let context: AudioContext | undefined;
/** Whether `context` has released nodes that keep things alive. */
let stale = false;
let recycleTimer: ReturnType<typeof setTimeout> | undefined;
let resumeInstalled = false;
const watches = new Set<Watch>();
let timer: ReturnType<typeof setInterval> | undefined;

/** The page's AudioContext, created on first use (undefined without Web Audio). */
function sharedAudioContext(): AudioContext | undefined {
  if (context || typeof AudioContext === 'undefined') return context;
  context = new AudioContext();
  stale = false;
  // Autoplay policies start it suspended until the user interacts with the page.
  const resume = () => {
    if (context?.state !== 'suspended') return;
    void context.resume();
  };
  if (!resumeInstalled) {
    resumeInstalled = true;
    for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, resume, { capture: true });
  }
  resume();
  return context;
}

/**
 * 0 (silence) to 1 (full scale) from RMS: -60 dBFS and below read 0, as Twilio's level meter
 * example does in spirit (a logarithmic scale, so speech shows up clearly).
 */
export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  if (rms === 0) return 0;
  return Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60));
}

function sample(): void {
  for (const watch of watches) {
    const nodes = watch.nodes;
    const live = nodes && watch.track.readyState === 'live' && watch.track.enabled;
    const level = live ? (nodes.analyser.getFloatTimeDomainData(nodes.samples), levelOf(nodes.samples)) : 0;
    // Two decimals are all a meter shows; fewer calls for listeners that render.
    const rounded = Math.round(level * 100) / 100;
    if (rounded === watch.level) continue;
    watch.level = rounded;
    watch.listener(rounded);
  }
}

function attach(watch: Watch, audio: AudioContext): void {
  const source = audio.createMediaStreamSource(streamOf(watch.track));
  const analyser = audio.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  watch.nodes = { context: audio, source, analyser, samples: new Float32Array(analyser.fftSize) };
}

function detach(watch: Watch): void {
  watch.nodes?.source.disconnect();
  watch.nodes = undefined;
}

/** Moves the meters still watching to a fresh context and closes the old one. */
function recycle(): void {
  recycleTimer = undefined;
  const old = context;
  if (!old || !stale) return;
  context = undefined;
  const fresh = watches.size > 0 ? sharedAudioContext() : undefined;
  for (const watch of watches) {
    detach(watch);
    if (fresh) attach(watch, fresh);
  }
  void old.close().catch(() => {});
}

/**
 * Calls `listener` with the level of `track` whenever it changes (at most every 50 ms); returns
 * the unsubscribe. Without Web Audio it reports nothing.
 */
export function watchLevel(track: MediaStreamTrack, listener: LevelListener): () => void {
  const audio = sharedAudioContext();
  if (!audio || track.kind !== 'audio') return () => {};
  const watch: Watch = { listener, track, nodes: undefined, level: -1 };
  attach(watch, audio);
  watches.add(watch);
  timer ??= setInterval(sample, INTERVAL_MS);
  return () => {
    if (!watches.delete(watch)) return;
    detach(watch);
    stale = true;
    recycleTimer ??= setTimeout(recycle, RECYCLE_AFTER_MS);
    if (watches.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
