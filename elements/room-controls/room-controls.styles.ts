import { css } from 'lit';
import { tooltipStyles } from '../../src/styles/tooltip.js';

export const roomControlsStyles = [
  tooltipStyles,
  css`
    :host {
      display: inline-flex;
      font: var(--room-controls-font, inherit);
    }
    :host([hidden]) {
      display: none;
    }
    [part~='bar'] {
      display: inline-flex;
      flex-wrap: wrap;
      gap: var(--room-controls-gap, 0.5rem);
      padding: var(--room-controls-padding, 0.5rem);
      border-radius: 999px;
      background: var(--room-controls-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
    }
    [part~='button'] {
      display: inline-grid;
      place-items: center;
      inline-size: var(--room-controls-size, 2.75rem);
      block-size: var(--room-controls-size, 2.75rem);
      padding: 0;
      border: 0;
      border-radius: 50%;
      font-size: calc(var(--room-controls-size, 2.75rem) * 0.45);
      color: var(--room-controls-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
      background: var(--room-controls-button-background, var(--jre-raised, light-dark(rgb(0 0 0 / 7%), rgb(255 255 255 / 12%))));
      cursor: pointer;
    }
    [part~='button'][aria-pressed='true'] {
      color: var(--room-controls-muted-color, #fff);
      background: var(--room-controls-muted-background, var(--jre-danger, #cf222e));
    }
    [part~='hand'][aria-pressed='true'] {
      color: #1f2328;
      background: var(--room-controls-hand-background, #d4a72c);
    }
    [part~='leave'] {
      inline-size: auto;
      padding-inline: 1rem;
      border-radius: 999px;
      gap: 0.375rem;
      grid-auto-flow: column;
      font-size: 0.9375rem;
      color: #fff;
      background: var(--room-controls-leave-background, var(--jre-danger, #cf222e));
    }
    [part~='button']:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    [part~='button']:focus-visible {
      outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
      outline-offset: 2px;
    }
  `,
];
