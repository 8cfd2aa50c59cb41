import { expect } from '@open-wc/testing';
import { parseDate } from '../../src/chat/chat-objects.js';
import { checkOutgoing, decode, encode, MAX_BODY_CHARS } from '../../src/chat/wire.js';
import { FloodGate } from '../../src/util/flood-gate.js';
import { EventEmitter } from '../../src/util/emitter.js';

describe('chat wire format', () => {
  it('round-trips messages, edits, removals and typing; text of other TextRoom clients is a plain message', () => {
    for (const wire of [
      { kind: 'message', id: 'm1', body: 'hi <b>', attributes: { a: 1 } },
      { kind: 'edit', id: 'm1', body: 'hello' },
      { kind: 'remove', id: 'm1' },
      { kind: 'typing' },
    ] as const) {
      expect(decode(encode(wire), 'fallback')).to.deep.equal(wire);
    }
    expect(decode('just text', 'f1')).to.deep.equal({ kind: 'message', id: 'f1', body: 'just text', attributes: {} });
    // Tagged but malformed: shown as it came, never dropped or half-applied.
    const odd = JSON.stringify({ 'jre-chat': 1, kind: 'edit', id: 'x' });
    expect(decode(odd, 'f2')).to.deep.equal({ kind: 'message', id: 'f2', body: odd, attributes: {} });
  });

  it('refuses bodies and attributes that are too large or not the right type, with RangeError', () => {
    expect(checkOutgoing('ok', undefined)).to.deep.equal({ body: 'ok', attributes: {} });
    expect(() => checkOutgoing('x'.repeat(MAX_BODY_CHARS + 1), undefined)).to.throw(RangeError, /at most/);
    expect(() => checkOutgoing(42, undefined)).to.throw(RangeError, /string/);
    expect(() => checkOutgoing('ok', [1])).to.throw(RangeError, /plain object/);
  });

  it('lets a burst through, then one message per 1/rate seconds per member', () => {
    const gate = new FloodGate(10, 3);
    const admitted = [0, 0, 0, 0].map(() => gate.admit('a', 1000));
    expect(admitted).to.deep.equal([true, true, true, false]);
    expect(gate.admit('b', 1000)).to.equal(true);
    expect(gate.admit('a', 1100)).to.equal(true);
    expect(gate.admit('a', 1100)).to.equal(false);
  });

  it('reads TextRoom dates (strftime %FT%T%z)', () => {
    expect(parseDate('2026-12-04T23:05:01+0100').toISOString()).to.equal('2026-12-04T22:05:01.000Z');
  });
});

describe('EventEmitter', () => {
  it('on, once, off (once listeners too) and removeAllListeners', () => {
    const emitter = new (class extends EventEmitter<{ ping: number }> {
      fire(n: number) {
        this.emit('ping', n);
      }
    })();
    const seen: string[] = [];
    const every = (n: number) => seen.push(`on ${n}`);
    const first = (n: number) => seen.push(`once ${n}`);
    const never = (n: number) => seen.push(`never ${n}`);
    emitter.on('ping', every).once('ping', first).once('ping', never).off('ping', never);
    emitter.fire(1);
    emitter.fire(2);
    emitter.removeAllListeners();
    emitter.fire(3);
    expect(seen).to.deep.equal(['on 1', 'once 1', 'on 2']);
  });
});
