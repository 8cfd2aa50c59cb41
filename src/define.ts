import { ContextRoot } from '@lit/context';
import { logger } from './util/logger.js';

const CONTEXT_ROOT = Symbol.for('janus-room-elements.context-root');

/**
 * Holds context requests that no provider answered and replays them when a provider appears. A
 * page's HTML can hold `<participant-tile>`s inside a `<video-room>` that upgrade first (the
 * order in which tags get defined, or a late-loading script, decides): without this, their
 * requests would be lost. One per document, whichever copy of the library installs it.
 */
function installContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = document as Document & { [CONTEXT_ROOT]?: ContextRoot };
  if (holder[CONTEXT_ROOT]) return;
  holder[CONTEXT_ROOT] = new ContextRoot();
  holder[CONTEXT_ROOT].attach(document.documentElement);
}

/**
 * Registers a custom element unless the tag is taken. A second copy of this library on the page
 * (say the CDN bundle and an npm build) is not an error: the first registration wins, and a
 * different version (`static version`) earns a warning instead of an exception.
 */
export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  if (typeof customElements === 'undefined') return;
  installContextRoot();
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element && existing.version !== element.version) {
    logger.warn(
      `<${tag}> is already defined${existing.version ? ` by janus-room-elements ${existing.version}` : ''}; ` +
        `keeping it and ignoring janus-room-elements ${element.version ?? '(unknown version)'}.`,
    );
  }
}
