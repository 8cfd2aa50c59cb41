import { css } from 'lit';

/**
 * A tooltip for a control: `<span class="control"><button>...</button><span part="tooltip"
 * aria-hidden="true">Label</span></span>`. It shows on hover and on keyboard focus (the button's
 * accessible name says the same). Colours: `--jre-tooltip-color`, `--jre-tooltip-background`.
 */
export const tooltipStyles = css`
  .control {
    position: relative;
  }
  [part='tooltip'] {
    position: absolute;
    inset-block-end: calc(100% + 0.5rem);
    inset-inline-start: 50%;
    translate: -50% 0;
    padding: 0.25rem 0.5rem;
    border-radius: 4px;
    white-space: nowrap;
    font-size: 0.8125rem;
    color: var(--jre-tooltip-color, #fff);
    background: var(--jre-tooltip-background, rgb(0 0 0 / 85%));
    pointer-events: none;
    opacity: 0;
    transition: opacity 0.15s;
  }
  .control:hover [part='tooltip'],
  .control:has(:focus-visible) [part='tooltip'] {
    opacity: 1;
  }
`;
