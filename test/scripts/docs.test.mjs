// The docs site `npm run build` generates (dist/docs/): one page per element with every entry of
// the manifest, the event table with every DOM event in its vocabulary, the theming page with every
// token and custom property, the framework recipes with the example apps' own files, and no link
// that leads nowhere. Runs after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOM_EVENT_TABLE } from '../../dist/src/events/dom-events.js';
import { THEME_TOKENS } from '../../dist/src/styles/tokens.js';

const root = new URL('../../', import.meta.url);
const docs = new URL('dist/docs/', root);
const page = (path) => readFileSync(new URL(path, docs), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
/** Every `<code>` text of a page, unescaped. */
const codes = (html) => new Set([...html.matchAll(/<code>([^<]*)<\/code>/g)].map((match) => match[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&')));

describe('the docs site', () => {
  for (const element of elements) {
    it(`<${element.tagName}>'s page lists its whole API`, () => {
      const shown = codes(page(`elements/${element.tagName}.html`));
      const expected = [
        ...(element.attributes ?? []).map((a) => a.name),
        ...(element.events ?? []).map((e) => e.name),
        ...(element.cssParts ?? []).map((p) => `::part(${p.name})`),
        ...(element.cssProperties ?? []).map((p) => p.name),
        ...(element.slots ?? []).filter((s) => s.name).map((s) => s.name),
      ];
      assert.deepEqual(expected.filter((name) => !shown.has(name)), []);
    });
  }

  it('lists every DOM event of the room, in both vocabularies', () => {
    const shown = codes(page('events.html'));
    const names = Object.values(DOM_EVENT_TABLE).flatMap((rows) => rows.map((row) => row.name));
    assert.deepEqual(names.filter((name) => !shown.has(name)), []);
    assert.ok(shown.has('member.joined') && shown.has('participantConnected') && shown.has('messageAdded'));
  });

  it('lists every theme token the styles read, and each element custom property', () => {
    const shown = codes(page('theming.html'));
    const read = new Set();
    for (const dir of ['elements', 'src/styles']) {
      for (const file of readdirSync(new URL(`${dir}/`, root), { recursive: true }).filter((name) => name.endsWith('.ts'))) {
        for (const match of readFileSync(new URL(`${dir}/${file}`, root), 'utf8').matchAll(/var\((--jre-[\w-]+)/g)) read.add(match[1]);
      }
    }
    const tokens = THEME_TOKENS.map((token) => token.name);
    assert.deepEqual([...read].filter((name) => !tokens.includes(name)), [], 'tokens the styles read but THEME_TOKENS lacks');
    const properties = elements.flatMap((element) => (element.cssProperties ?? []).map((p) => p.name));
    assert.deepEqual([...tokens, ...properties].filter((name) => !shown.has(name)), []);
  });

  it("includes each framework example's own files in the recipes, and the migration guide", () => {
    const recipes = page('frameworks.html');
    for (const file of ['examples/vue/src/App.vue', 'examples/react/src/App.tsx', 'examples/angular/src/app.component.ts', 'examples/cms/index.html']) {
      const line = readFileSync(new URL(file, root), 'utf8').split('\n').find((text) => text.includes('member.joined'));
      assert.ok(line, `${file} listens to member.joined`);
      assert.ok(recipes.includes(line.trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')), `${file} is in the recipes`);
    }
    assert.match(page('migration.html'), /twilio-video/);
  });

  it('has no link that leads nowhere', () => {
    const files = readdirSync(docs, { recursive: true }).filter((name) => name.endsWith('.html'));
    const broken = [];
    for (const file of files) {
      for (const [, href] of page(file).matchAll(/href="([^"#]+)(?:#[^"]*)?"/g)) {
        if (/^(https?:|mailto:)/.test(href)) continue;
        if (!existsSync(new URL(href, new URL(file, docs)))) broken.push(`${file} -> ${href}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
