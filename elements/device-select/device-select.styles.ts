import { css } from 'lit';

export const deviceSelectStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--device-select-gap, 0.75rem);
    font: var(--device-select-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
  }
  [part~='label'] {
    font-size: 0.875rem;
    color: var(--device-select-label-color, inherit);
  }
  [part~='select'] {
    min-inline-size: var(--device-select-min-width, 12rem);
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: var(--device-select-color, inherit);
    background: var(--device-select-background, Field);
    border: 1px solid var(--device-select-border-color, #8c959f);
    border-radius: var(--jre-radius, 6px);
  }
  [part~='select']:focus-visible {
    outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
    outline-offset: 1px;
  }
`;
