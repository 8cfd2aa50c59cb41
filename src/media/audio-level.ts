/**
 * Live audio levels from one shared `AudioContext` for the whole page (browsers limit how many a
 * page may have, and each costs a thread), sampled for every watched track on one timer.
 */

export type LevelListener = (level: number) => void;

interface Watch {
  readonly analyser: AnalyserNode;
  readonly source: MediaStreamAudioSourceNode;
  readonly samples: Float32Array<ArrayBuffer>;
  readonly listener: LevelListener;
  readonly track: MediaStreamTrack;
  level: number;
}

const INTERVAL_MS = 50;
let context: AudioContext | undefined;
const watches = new Set<Watch>();
let timer: ReturnType<typeof setInterval> | undefined;

/** The page's AudioContext, created on first use (undefined without Web Audio). */
function sharedAudioContext(): AudioContext | undefined {
  if (context || typeof AudioContext === 'undefined') return context;
  context = new AudioContext();
  // Autoplay policies start it suspended until the user interacts with the page.
  const resume = () => {
    if (context?.state !== 'suspended') return;
    void context.resume();
  };
  for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, resume, { capture: true });
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
    const level = watch.track.readyState === 'live' && watch.track.enabled ? (watch.analyser.getFloatTimeDomainData(watch.samples), levelOf(watch.samples)) : 0;
    // Two decimals are all a meter shows; fewer calls for listeners that render.
    const rounded = Math.round(level * 100) / 100;
    if (rounded === watch.level) continue;
    watch.level = rounded;
    watch.listener(rounded);
  }
}

/**
 * Calls `listener` with the level of `track` whenever it changes (at most every 50 ms); returns
 * the unsubscribe. Without Web Audio it reports nothing.
 */
export function watchLevel(track: MediaStreamTrack, listener: LevelListener): () => void {
  const audio = sharedAudioContext();
  if (!audio || track.kind !== 'audio') return () => {};
  const source = audio.createMediaStreamSource(new MediaStream([track]));
  const analyser = audio.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const watch: Watch = { analyser, source, samples: new Float32Array(analyser.fftSize), listener, track, level: -1 };
  watches.add(watch);
  timer ??= setInterval(sample, INTERVAL_MS);
  return () => {
    if (!watches.delete(watch)) return;
    source.disconnect();
    if (watches.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
