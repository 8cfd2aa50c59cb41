/**
 * What chat clients put in a TextRoom message's `text`, and how one is read back. TextRoom relays
 * text and stores public messages in its history, but gives them no id and cannot edit or delete
 * them, so a message carries its own id, and edits and removals are messages every client applies
 * in order (history replays them too). Typing signals are whispers, which TextRoom never stores.
 * Text that is not ours (another TextRoom client's) is a plain message. Pure.
 */

/** The largest message body `sendMessage` takes (characters), as Twilio Chat's 32 KiB. */
export const MAX_BODY_CHARS = 32 * 1024;
/** The largest `attributes` (as JSON). */
export const MAX_ATTRIBUTES_CHARS = 16 * 1024;

export type Wire =
  | { kind: 'message'; id: string; body: string; attributes: Record<string, unknown> }
  | { kind: 'edit'; id: string; body: string }
  | { kind: 'remove'; id: string }
  | { kind: 'typing' };

const TAG = 'jre-chat';

export function encode(wire: Wire): string {
  return JSON.stringify({ [TAG]: 1, ...wire });
}

function plainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a message's text; `fallbackId` names a plain one. */
export function decode(text: string, fallbackId: string): Wire {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (plainObject(value) && value[TAG] === 1) {
    const id = typeof value['id'] === 'string' ? value['id'] : '';
    if (value['kind'] === 'typing') return { kind: 'typing' };
    if (value['kind'] === 'remove' && id) return { kind: 'remove', id };
    if (value['kind'] === 'edit' && id && typeof value['body'] === 'string') return { kind: 'edit', id, body: value['body'] };
    if (value['kind'] === 'message' && id && typeof value['body'] === 'string') {
      return { kind: 'message', id, body: value['body'], attributes: plainObject(value['attributes']) ? value['attributes'] : {} };
    }
  }
  return { kind: 'message', id: fallbackId, body: text, attributes: {} };
}

/** Checks a body and attributes before they are sent: a `RangeError` that says what is wrong. */
export function checkOutgoing(body: unknown, attributes: unknown): { body: string; attributes: Record<string, unknown> } {
  if (typeof body !== 'string') throw new RangeError(`sendMessage() needs a string body, not ${typeof body}`);
  if (body.length > MAX_BODY_CHARS) throw new RangeError(`sendMessage(): the message has ${body.length} characters; at most ${MAX_BODY_CHARS} are allowed`);
  const attrs = attributes === undefined ? {} : attributes;
  if (!plainObject(attrs)) throw new RangeError('sendMessage(): attributes must be a plain object');
  if (JSON.stringify(attrs).length > MAX_ATTRIBUTES_CHARS) throw new RangeError(`sendMessage(): attributes are limited to ${MAX_ATTRIBUTES_CHARS} characters of JSON`);
  return { body, attributes: attrs };
}
