// The parts of janode (Meetecho's Node client for Janus, plain JavaScript) the room service uses.
declare module 'janode' {
  import type { EventEmitter } from 'node:events';
  export interface JanodeHandle extends EventEmitter {
    message(body: Record<string, unknown>): Promise<unknown>;
    detach(): Promise<void>;
    ownsTransaction(transaction: string | undefined): boolean;
    handleMessage(message: Record<string, unknown>): unknown;
  }
  export interface JanodeSession extends EventEmitter {
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: new (...args: never[]) => H }): Promise<H>;
    destroy(): Promise<void>;
  }
  export interface JanodeConnection extends EventEmitter {
    create(keepAliveSeconds?: number): Promise<JanodeSession>;
    close(): Promise<void>;
  }
  const Janode: {
    connect(config: { address: { url: string; token?: string; apisecret?: string }; retry_time_secs?: number; max_retries?: number }): Promise<JanodeConnection>;
    Logger: { setLevel(level: string): void };
    EVENT: Record<string, string>;
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  import type { JanodeHandle } from 'janode';
  const VideoRoomPlugin: { id: string; Handle: new (...args: never[]) => JanodeHandle; EVENT: Record<string, string> };
  export default VideoRoomPlugin;
}

declare module 'janode/plugins/textroom' {
  import type { JanodeHandle } from 'janode';
  export interface TextRoomHandle extends JanodeHandle {
    exists(params: { room: string }): Promise<{ exists: boolean }>;
    create(params: { room: string; admin_key?: string; description?: string; secret?: string; is_private?: boolean; history?: number }): Promise<unknown>;
    allow(params: { room: string; action: 'enable' | 'disable' | 'add' | 'remove'; list: string[]; secret?: string }): Promise<unknown>;
    destroy(params: { room: string; secret?: string }): Promise<unknown>;
    kick(params: { room: string; username: string; secret?: string }): Promise<unknown>;
  }
  const TextRoomPlugin: { id: string; Handle: new (...args: never[]) => TextRoomHandle; EVENT: Record<string, string> };
  export default TextRoomPlugin;
}
