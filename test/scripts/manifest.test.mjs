// The custom-elements manifest is the API's one source (the docs site, the Vue and JSX types are
// generated from it): every element and every public member of one is documented in it. Adding a
// public property, method, attribute, event, slot, part or CSS custom property without JSDoc fails
// here. Runs after `npm run build` (which generates custom-elements.json).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOM_EVENT_TABLE } from '../../dist/src/events/dom-events.js';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
const byTag = new Map(elements.map((element) => [element.tagName, element]));

const isPublic = (member) => !member.privacy && !member.name.startsWith('_') && !member.name.startsWith('#');
const documented = (entry) => Boolean(entry.description?.trim() || entry.deprecated);

/** Every public entry of an element that has no JSDoc, as `kind name` (overloads count once). */
function undocumented(element) {
  const missing = [];
  if (!element.description?.trim()) missing.push('description');
  if (!element.summary?.trim()) missing.push('@summary');
  const kinds = ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties'];
  for (const kind of kinds) {
    const entries = (element[kind] ?? []).filter((entry) => kind !== 'members' || isPublic(entry));
    const names = new Set(entries.map((entry) => entry.name));
    for (const name of names) {
      if (!entries.some((entry) => entry.name === name && documented(entry))) missing.push(`${kind} ${name || '(default slot)'}`);
    }
  }
  for (const event of element.events ?? []) {
    if (!event.type?.text) missing.push(`events ${event.name}: no detail type ({Type} in @fires)`);
  }
  return missing;
}

describe('custom-elements.json', () => {
  it('lists every element the package defines', () => {
    const defined = readdirSync(new URL('elements/', root)).sort();
    assert.deepEqual([...byTag.keys()].sort(), defined);
  });

  for (const tag of readdirSync(new URL('elements/', root)).sort()) {
    it(`documents every public member of <${tag}>`, () => {
      assert.deepEqual(undocumented(byTag.get(tag)), []);
    });
  }

  it('documents every event <video-room> dispatches, in both vocabularies', () => {
    const dispatched = new Set(Object.values(DOM_EVENT_TABLE).flatMap((rows) => rows.map((row) => row.name)));
    const listed = new Set(byTag.get('video-room').events.map((event) => event.name));
    assert.deepEqual([...dispatched].filter((name) => !listed.has(name)).sort(), []);
  });

  for (const tag of readdirSync(new URL('elements/', root)).sort()) {
    it(`documents every CSS custom property <${tag}>'s styles read`, () => {
      // Its own (--<tag>-*); the shared --jre-* tokens are documented with the theme.
      const styles = readFileSync(new URL(`elements/${tag}/${tag}.styles.ts`, root), 'utf8');
      const read = new Set([...styles.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]).filter((name) => name.startsWith(`--${tag}-`)));
      const listed = new Set(byTag.get(tag).cssProperties?.map((property) => property.name));
      assert.deepEqual([...read].filter((name) => !listed.has(name)), []);
    });
  }

  it('flags what it checks: an undocumented member is reported', () => {
    const element = structuredClone(byTag.get('room-controls'));
    element.members.push({ kind: 'field', name: 'newThing' });
    element.cssParts.push({ name: 'new-part' });
    assert.deepEqual(undocumented(element), ['members newThing', 'cssParts new-part']);
  });
});
