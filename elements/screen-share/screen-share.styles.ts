import { css } from 'lit';
import { tooltipStyles } from '../../src/styles/tooltip.js';

export const screenShareStyles = [
  tooltipStyles,
  css`
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: var(--screen-share-gap, 0.5rem);
      font: var(--screen-share-font, inherit);
    }
    :host([mode='view']),
    :host([mode='both']) {
      display: flex;
    }
    :host([hidden]) {
      display: none;
    }
    [part='view'] {
      --participant-tile-object-fit: contain;
    }
    .control {
      align-self: center;
    }
    [part='button'] {
      display: inline-grid;
      place-items: center;
      inline-size: var(--screen-share-button-size, 2.75rem);
      block-size: var(--screen-share-button-size, 2.75rem);
      padding: 0;
      border: 0;
      border-radius: 50%;
      font-size: calc(var(--screen-share-button-size, 2.75rem) * 0.45);
      color: var(--screen-share-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
      background: var(--screen-share-button-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
      cursor: pointer;
    }
    [part='button'][aria-pressed='true'] {
      color: var(--jre-on-accent, #fff);
      background: var(--screen-share-active-background, var(--jre-accent, #2f81f7));
    }
    [part='button'][aria-busy='true'] {
      cursor: progress;
    }
    [part='button']:disabled,
    [part='button'][aria-disabled='true'] {
      opacity: 0.6;
    }
    [part='button']:disabled {
      cursor: not-allowed;
    }
    [part='button']:focus-visible {
      outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
      outline-offset: 2px;
    }
  `,
];
