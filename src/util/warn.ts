import { logger } from './logger.js';

const warned = new Set<string>();

/** Says `message` on the library's log once per page: for options accepted but not honoured, and deprecations. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  logger.warn(`janus-room-elements: ${message}`);
}
