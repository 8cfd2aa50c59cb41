const warned = new Set<string>();

/** Says `message` on the console once per page: for options accepted but not honoured, and deprecations. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`janus-room-elements: ${message}`);
}
