import { css } from 'lit';

export const roomChatStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.75rem;
    border-radius: 0.75rem;
    font: var(--room-chat-font, inherit);
    color: var(--room-chat-color, var(--jre-on-surface, light-dark(#1f2328, #f6f8fa)));
    background: var(--room-chat-background, var(--jre-surface, light-dark(#ffffff, #1f2328)));
  }
  :host([hidden]) {
    display: none;
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  [part~='unread'] {
    min-inline-size: 1.25rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    text-align: center;
    color: #fff;
    background: var(--room-chat-unread-background, var(--jre-danger, #cf222e));
  }
  [part~='unread'][hidden] {
    display: none;
  }
  [part~='status'],
  [part~='typing'] {
    margin: 0;
    min-block-size: 1.2em;
    font-size: 0.8125rem;
    opacity: 0.8;
  }
  [part~='messages'] {
    block-size: var(--room-chat-height, 16rem);
    overflow: auto;
    border-radius: 0.5rem;
  }
  [part~='messages']:focus-visible,
  [part~='input']:focus-visible,
  [part~='send']:focus-visible {
    outline: 2px solid var(--jre-focus, light-dark(#0969da, #4493f8));
    outline-offset: 2px;
  }
  [part~='message'] {
    inline-size: 100%;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    margin-block-end: 0.25rem;
    border-radius: 0.5rem;
    background: var(--room-chat-message-background, light-dark(rgb(0 0 0 / 5%), rgb(255 255 255 / 6%)));
  }
  [part~='message'][data-own] {
    background: var(--room-chat-own-background, rgb(47 129 247 / 22%));
  }
  [part~='author'] {
    font-weight: 600;
    margin-inline-end: 0.5rem;
  }
  [part~='time'] {
    font-size: 0.75rem;
    opacity: 0.7;
  }
  [part~='body'] {
    margin: 0.125rem 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='composer'] {
    display: flex;
    gap: 0.5rem;
  }
  [part~='input'] {
    flex: 1;
    resize: vertical;
    min-block-size: 2.25rem;
    padding: 0.5rem;
    font: inherit;
    border-radius: 0.5rem;
  }
  [part~='send'] {
    padding: 0 1rem;
    font: inherit;
    border-radius: 0.5rem;
    cursor: pointer;
  }
`;
