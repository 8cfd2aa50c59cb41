// The one line each sample changes besides its import: a room token from the room service for
// `my-cool-room`, minted by the package's CLI (through the test runner), for the identity the
// test chose for that sample.
import { executeServerCommand } from '@web/test-runner-commands';

export async function token(identity) {
  const { token: value } = await executeServerCommand('room-token', { room: 'my-cool-room', identity: identity ?? window.SAMPLE_IDENTITY });
  return value;
}
