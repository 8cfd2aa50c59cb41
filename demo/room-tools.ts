// The demo's moderator tools (joined with a token that grants them): recording the room with a
// download link for each finished recording, and raised hands first in the layout.
import type { RoomSessionRecording, VideoRoom } from '../src/index.js';

export function roomTools(room: VideoRoom, note: (text: string) => void): void {
  const record = document.querySelector<HTMLButtonElement>('#record')!;
  const prioritize = document.querySelector<HTMLInputElement>('#prioritize')!;
  const prioritizeField = prioritize.closest('label')!;
  const recordings = document.querySelector<HTMLUListElement>('#recordings')!;
  let current: RoomSessionRecording | undefined;

  const refresh = () => {
    const may = (permission: string) => room.active && room.permissions.includes(permission);
    record.hidden = !may('room.recording');
    record.textContent = room.recording ? 'Stop recording' : 'Record';
    record.setAttribute('aria-pressed', String(room.recording));
    prioritizeField.hidden = !may('video.prioritize_handraise');
    prioritize.checked = room.prioritizeHandraise;
  };
  for (const event of ['room.joined', 'room.left', 'room.updated', 'recording.started', 'recording.ended']) room.addEventListener(event, refresh);

  record.addEventListener('click', async () => {
    record.disabled = true;
    try {
      if (room.recording) await (current ?? (await room.getRecordings()).recordings.find((r) => r.state === 'recording'))?.stop();
      else current = await room.startRecording();
    } catch {
      // Reported through the room's error event.
    } finally {
      record.disabled = false;
    }
  });
  prioritize.addEventListener('change', () => void room.setPrioritizeHandraise(prioritize.checked).catch(() => refresh()));

  room.addEventListener('recording.started', () => note('recording.started'));
  room.addEventListener('recording.ended', (e) => note(`recording.ended: composing the file of ${e.detail.recording.id.slice(0, 8)}`));
  room.addEventListener('recording.updated', async (e) => {
    note(`recording.updated: ${e.detail.recording.state}`);
    if (e.detail.recording.state !== 'completed' || !room.permissions.includes('room.recording')) return;
    const { recordings: list } = await room.getRecordings();
    const done = list.find((r) => r.id === e.detail.recording.id);
    if (!done?.url) return;
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), { href: done.url, textContent: `Recording of ${new Date(done.startedAt).toLocaleTimeString()} (${Math.round(done.duration ?? 0)} s, MP4)` });
    item.append(link);
    recordings.append(item);
  });
}
