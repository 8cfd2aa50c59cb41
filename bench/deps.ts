// Baseline for the bundle size: exactly the dependency symbols the library imports, bundled with
// the same settings, so (library bundle / this) is the cost of the library's own code.
export { LitElement, css, html, nothing, svg } from 'lit';
export { property, query, state } from 'lit/decorators.js';
export { repeat } from 'lit/directives/repeat.js';
export { ContextConsumer, ContextRoot, consume, createContext, provide } from '@lit/context';
export { default as Janus } from 'janus-gateway';
export { default as adapter } from 'webrtc-adapter';
export { default as mitt } from 'mitt';
export { clearInterval, setInterval } from 'worker-timers';
export { decodeJwt } from 'jose';
export { createParser } from 'eventsource-parser';
export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
