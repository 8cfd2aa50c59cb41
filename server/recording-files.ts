/**
 * Turns the `.mjr` files Janus wrote for one recording into one playable file: `janus-pp-rec`
 * (Debian `janus-tools`) converts each stream (VP8 to WebM, Opus to Opus), then `ffmpeg` lines the
 * members' videos up in a grid and mixes their audio, each placed at the moment Janus started
 * writing it, into an MP4 (H.264 and AAC, which every player plays). `ffprobe` reads its duration.
 */
import { execFile } from 'node:child_process';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Each cell of the grid (16:9); a single member fills the whole picture. */
const CELL = { width: 640, height: 360 };
const FPS = 25;

export interface RecordingTools {
  janusPpRec: string;
  ffmpeg: string;
  ffprobe: string;
}

export const DEFAULT_TOOLS: RecordingTools = { janusPpRec: 'janus-pp-rec', ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/** One stream Janus recorded: whose, which kind, and when Janus wrote its first packet (µs). */
export interface RecordedStream {
  file: string;
  owner: string;
  kind: 'audio' | 'video';
  firstWritten: number;
}

/** Janus names files `videoroom-<room>-user-<id>-<time>-<audio|video|data>-<mindex>.mjr`. */
const FILE_NAME = /^videoroom-.*-user-(.+)-\d+-(audio|video)-\d+\.mjr$/;

/** Reads an `.mjr` header: the magic `MJR00002`, a 16-bit length, then JSON with `u` (first written, µs). */
async function firstWritten(file: string): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(10);
    await handle.read(head, 0, 10, 0);
    if (head.toString('latin1', 0, 8) !== 'MJR00002') return undefined;
    const length = head.readUInt16BE(8);
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, 10);
    const header = JSON.parse(json.toString('utf8')) as { u?: unknown; s?: unknown };
    const value = typeof header.u === 'number' && header.u > 0 ? header.u : header.s;
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The audio and video streams in `dir` that hold media (Janus leaves a header-only file for a stream that sent nothing). */
export async function recordedStreams(dir: string): Promise<RecordedStream[]> {
  const streams: RecordedStream[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const file = join(dir, name);
    const written = await firstWritten(file);
    if (written !== undefined) streams.push({ file, owner: match[1]!, kind: match[2] as 'audio' | 'video', firstWritten: written });
  }
  return streams;
}

/** Converts one `.mjr` with janus-pp-rec; resolves with the new file, or undefined if it held no media. */
async function convert(stream: RecordedStream, tools: RecordingTools): Promise<string | undefined> {
  const out = stream.file.replace(/\.mjr$/, stream.kind === 'video' ? '.webm' : '.opus');
  try {
    await run(tools.janusPpRec, [stream.file, out], { timeout: 120_000 });
    return out;
  } catch {
    return undefined;
  }
}

/** The ffmpeg filter that delays, scales and tiles the videos and delays and mixes the audio. */
export function compositionFilter(videos: readonly number[], audios: readonly number[], offsets: ReadonlyMap<number, number>): { filter: string; video?: string; audio?: string } {
  const parts: string[] = [];
  const columns = Math.ceil(Math.sqrt(videos.length));
  videos.forEach((input, i) => {
    const delay = (offsets.get(input) ?? 0).toFixed(3);
    parts.push(
      `[${input}:v]fps=${FPS},scale=${CELL.width}:${CELL.height}:force_original_aspect_ratio=decrease,pad=${CELL.width}:${CELL.height}:(ow-iw)/2:(oh-ih)/2,setsar=1,tpad=start_duration=${delay}:color=black[v${i}]`,
    );
  });
  audios.forEach((input, i) => {
    const delay = Math.round((offsets.get(input) ?? 0) * 1000);
    parts.push(`[${input}:a]aresample=48000,adelay=${delay}:all=1[a${i}]`);
  });
  let video: string | undefined;
  if (videos.length === 1) video = '[v0]';
  else if (videos.length > 1) {
    const layout = videos.map((_, i) => `${(i % columns) * CELL.width}_${Math.floor(i / columns) * CELL.height}`).join('|');
    parts.push(`${videos.map((_, i) => `[v${i}]`).join('')}xstack=inputs=${videos.length}:layout=${layout}:fill=black[vout]`);
    video = '[vout]';
  }
  let audio: string | undefined;
  if (audios.length === 1) audio = '[a0]';
  else if (audios.length > 1) {
    parts.push(`${audios.map((_, i) => `[a${i}]`).join('')}amix=inputs=${audios.length}:duration=longest:normalize=0[aout]`);
    audio = '[aout]';
  }
  return { filter: parts.join(';'), ...(video ? { video } : {}), ...(audio ? { audio } : {}) };
}

/**
 * Composes the recording in `dir` into `out` (MP4). Resolves with its duration in seconds, or
 * rejects when Janus recorded no media at all.
 */
export async function composeRecording(dir: string, out: string, tools: RecordingTools = DEFAULT_TOOLS): Promise<number> {
  const streams = await recordedStreams(dir);
  const converted = (await Promise.all(streams.map(async (s) => ({ ...s, file: await convert(s, tools) })))).filter((s): s is RecordedStream => s.file !== undefined);
  if (converted.length === 0) throw new Error('Janus recorded no media (nobody published while the room was recorded)');
  const start = Math.min(...converted.map((s) => s.firstWritten));
  const offsets = new Map<number, number>();
  const videos: number[] = [];
  const audios: number[] = [];
  converted.forEach((s, input) => {
    offsets.set(input, (s.firstWritten - start) / 1e6);
    (s.kind === 'video' ? videos : audios).push(input);
  });
  const { filter, video, audio } = compositionFilter(videos, audios, offsets);
  const args = ['-hide_banner', '-loglevel', 'error', '-y', ...converted.flatMap((s) => ['-i', s.file]), '-filter_complex', filter];
  if (video) args.push('-map', video, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-r', String(FPS));
  if (audio) args.push('-map', audio, '-c:a', 'aac', '-b:a', '96k');
  args.push('-movflags', '+faststart', out);
  await run(tools.ffmpeg, args, { timeout: 600_000 });
  return probeDuration(out, tools);
}

/** The duration of a media file in seconds, as ffprobe reads it. */
export async function probeDuration(file: string, tools: RecordingTools = DEFAULT_TOOLS): Promise<number> {
  const { stdout } = await run(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file]);
  const duration = Number.parseFloat(stdout.trim());
  if (!Number.isFinite(duration)) throw new Error(`ffprobe could not read the duration of ${file}`);
  return duration;
}
