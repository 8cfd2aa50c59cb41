// A React 19 app with a video room. React 19 sets custom elements' properties and listens to
// `on<event>` props as DOM events, names kept as written (`ontrackSubscribed`). A JSX attribute
// cannot contain a dot, so SignalWire's dotted names go through a spread: `{...{ 'onmember.joined': fn }}`.
// The tags' props and events are typed by `janus-room-elements/react` (see tsconfig.json).
import { useRef, useState } from 'react';
import 'janus-room-elements/video-room.js';
import 'janus-room-elements/room-controls.js';
import type { MemberEventDetail, MemberUpdatedDetail, ParticipantEventDetail, VideoRoom } from 'janus-room-elements';

const params = new URLSearchParams(location.search);
const server = params.get('server') ?? `ws://${location.host}/janus`;
const roomName = params.get('room') ?? 'demo';
const identity = params.get('name') ?? 'React user';

export function App() {
  const room = useRef<VideoRoom>(null);
  const [joined, setJoined] = useState<string[]>([]);
  const [lastConnected, setLastConnected] = useState('');
  const [muted, setMuted] = useState(false);

  const signalWireEvents = {
    'onmember.joined': (event: CustomEvent<MemberEventDetail>) => setJoined((names) => [...names, event.detail.member.name]),
    'onmember.updated': (event: CustomEvent<MemberUpdatedDetail>) => {
      const { member } = event.detail;
      if (member.id === room.current?.memberId && member.updated.includes('audio_muted')) setMuted(member.audio_muted);
    },
  };

  const toggleMicrophone = () => void (muted ? room.current?.audioUnmute() : room.current?.audioMute());

  return (
    <main>
      <h1>React: {roomName}</h1>
      <video-room
        ref={room}
        server={server}
        room={roomName}
        identity={identity}
        auto-join
        onparticipantConnected={(event: CustomEvent<ParticipantEventDetail>) => setLastConnected(event.detail.participant.identity)}
        {...signalWireEvents}
      >
        <room-controls slot="controls"></room-controls>
      </video-room>
      <button id="mute" type="button" aria-pressed={muted} onClick={toggleMicrophone}>
        {muted ? 'Unmute' : 'Mute'} microphone
      </button>
      <p id="joined" role="status">
        {joined.length ? `Joined: ${joined.join(', ')}` : 'Nobody else yet'}
      </p>
      <p id="connected">{lastConnected && `participantConnected: ${lastConnected}`}</p>
    </main>
  );
}
