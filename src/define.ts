/**
 * Registers a custom element unless the tag is taken. A second copy of this library on the page
 * (say the CDN bundle and an npm build) is not an error: the first registration wins, and a
 * different version (`static version`) earns a warning instead of an exception.
 */
export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element && existing.version !== element.version) {
    console.warn(
      `<${tag}> is already defined${existing.version ? ` by janus-room-elements ${existing.version}` : ''}; ` +
        `keeping it and ignoring janus-room-elements ${element.version ?? '(unknown version)'}.`,
    );
  }
}
