import { css } from 'lit';

export const memberListStyles = css`
  :host {
    display: block;
    font: var(--member-list-font, inherit);
    color: var(--member-list-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
    background: var(--member-list-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
    border-radius: var(--member-list-radius, 0.75rem);
    padding: var(--member-list-padding, 0.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1rem;
  }
  [part~='list'],
  [part~='audience-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--member-list-gap, 0.375rem);
  }
  [part~='member'],
  [part~='audience-member'] {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0.375rem 0.5rem;
    border-radius: 0.5rem;
    border-inline-start: 3px solid transparent;
  }
  [part~='member'][data-talking] {
    border-inline-start-color: var(--member-list-talking-color, #3fb950);
  }
  [part~='hand'] {
    display: inline-grid;
    place-items: center;
    color: var(--member-list-hand-color, #d4a72c);
  }
  [part~='name'] {
    flex: 1 1 8rem;
    overflow-wrap: anywhere;
  }
  [part~='state'] {
    font-size: 0.8125rem;
    opacity: 0.8;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  button {
    font: inherit;
    font-size: 0.8125rem;
    padding: 0.25rem 0.625rem;
    border: 0;
    border-radius: 999px;
    color: inherit;
    background: var(--member-list-button-background, var(--jre-raised, light-dark(rgb(0 0 0 / 7%), rgb(255 255 255 / 12%))));
    cursor: pointer;
  }
  button[part~='remove'],
  button[aria-pressed='true'] {
    background: var(--member-list-danger-background, var(--jre-danger, #cf222e));
    color: #fff;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible {
    outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
    outline-offset: 2px;
  }
  [part~='audience-heading'] {
    margin: 0.75rem 0 0.5rem;
    font-size: 0.875rem;
  }
  [part~='audience'] {
    margin-block-start: 0.5rem;
    font-size: 0.8125rem;
    opacity: 0.8;
  }
`;
