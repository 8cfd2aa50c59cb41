// With JANUS_CONFIG=secure, the dev server forwards /room-service to the room service, and the
// demo pages get a room token for each join from its dev endpoint (an app would get it from its
// own backend). Without it, `roomService` is empty.
export const roomService = import.meta.env['VITE_ROOM_SERVICE'] as string | undefined;

export async function tokenFor(identity: string, roomName: string, role: string): Promise<string> {
  const response = await fetch(`${roomService}/v1/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      identity,
      room: roomName,
      interactivityMode: role === 'audience' ? 'audience' : 'member',
      ...(role === 'moderator' ? { permissions: ['moderator'] } : {}),
      // Paths on this page's origin: the dev server forwards both.
      janusUrl: '/janus',
      serviceUrl: roomService,
    }),
  });
  const body = (await response.json()) as { token?: string; error?: { message: string } };
  if (!body.token) throw new Error(body.error?.message ?? `the room service answered ${response.status}`);
  return body.token;
}
