import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Channel } from '../../src/chat/channel.js';
import type { ChatClient } from '../../src/chat/chat-client.js';
import type { ChatMember, ChatMessage } from '../../src/chat/chat-objects.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import { VERSION } from '../../src/version.js';
import type {} from '../../src/events/chat-event-map.js';
import { ChatLink } from './chat-link.js';
import { roomChatStyles } from './room-chat.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

/**
 * The chat of the room it sits in (or the `<video-room>` its `for` attribute names):
 * Janus TextRoom over the room's own Janus session, with Twilio IP Messaging's client API and events.
 *
 * Once the room is joined the chat joins the channel named after the room, with the room's
 * identity; late joiners get the recent history. It shows the messages (only those on screen are
 * in the DOM, so long histories stay light), who is typing, an unread count while you are
 * scrolled up or away, and a composer: Enter sends, Shift+Enter starts a new line. Every name and
 * message is text, never markup. New messages from others are announced politely to screen readers.
 *
 * @tagname room-chat
 * @summary The chat of the room it sits in (or the `<video-room>` its `for` attribute names): Janus TextRoom over the room's own Janus session, with Twilio IP Messaging's client API and events.
 *
 * @fires {ChatMessageDetail} messageAdded - A new message: `detail.message` (`author`, `body`, `timestamp`, `index`, `sid`, `attributes`).
 * @fires {ChatMessageUpdatedDetail} messageUpdated - A message was edited: `detail.message`, `detail.updateReasons`.
 * @fires {ChatMessageDetail} messageRemoved - A message was removed: `detail.message`.
 * @fires {ChatMemberDetail} memberJoined - Someone joined the channel: `detail.member` (`identity`, `sid`).
 * @fires {ChatMemberDetail} memberLeft - Someone left the channel: `detail.member`.
 * @fires {ChatMemberUpdatedDetail} memberUpdated - A member's `isTyping` changed: `detail.member`, `detail.updateReasons`.
 * @fires {ChatMemberDetail} typingStarted - A member started typing: `detail.member`.
 * @fires {ChatMemberDetail} typingEnded - A member stopped typing (a few seconds without a signal, or they sent): `detail.member`.
 * @fires {ChannelDetail} channelAdded - The client learnt of a channel: `detail.channel`.
 * @fires {ChannelDetail} channelJoined - The chat joined its channel: `detail.channel`.
 * @fires {ChannelDetail} channelLeft - The chat left its channel: `detail.channel`.
 * @fires {ChannelDetail} channelRemoved - The channel was destroyed: `detail.channel`.
 * @fires {ChatConnectionStateDetail} connectionStateChanged - `detail.connectionState`: `connecting`, `connected`, `disconnected`, `error` or `denied`.
 * @fires {null} tokenExpired - The room's token expired.
 * @fires {ErrorDetail} error - A message could not be sent: `detail.error` (not bubbling, like the room's `error`).
 *
 * @csspart header - The title row, with the unread count.
 * @csspart unread - The unread count (hidden at 0).
 * @csspart messages - The scrolling message list.
 * @csspart message - One message (`data-own` for this client's).
 * @csspart author - A message's author.
 * @csspart time - A message's time.
 * @csspart body - A message's text.
 * @csspart typing - "Alice is typing…".
 * @csspart composer - The form with the input and the Send button.
 * @csspart input - The message input.
 * @csspart send - The Send button.
 * @csspart status - The connection state, when not connected.
 *
 * @cssproperty --room-chat-background - Background.
 * @cssproperty --room-chat-color - Text colour.
 * @cssproperty --room-chat-height - Height of the message list (default 16rem).
 * @cssproperty --room-chat-own-background - Background of this client's messages.
 * @cssproperty --room-chat-message-background - Background of the others' messages.
 * @cssproperty --room-chat-unread-background - Background of the unread count.
 * @cssproperty --room-chat-font - Font (default inherit).
 */
export class RoomChat extends LitElement {
  static override styles = [themeStyles, roomChatStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);
  private readonly link = new ChatLink(this);

  /** The id of the `<video-room>` whose chat this is, when the chat is not inside it. */
  @property({ reflect: true }) for = '';

  /** Messages from others not seen yet (you were scrolled up, or the page was hidden). */
  @property({ type: Number, reflect: true, attribute: 'unread' }) unreadCount = 0;

  @state() private announcement = '';
  /** Whether the list follows new messages: true until the user scrolls away from the end. */
  private following = true;
  private lastScrollTop = 0;
  @query('[part~="messages"]') private list!: HTMLElement;

  /** The chat client (Twilio IP Messaging `Client`), once the room is joined. */
  get client(): ChatClient | undefined {
    return this.link.client;
  }

  /** The joined channel (`sendMessage`, `typing`, `getMessages`, `getMembers`), once joined. */
  get channel(): Channel | undefined {
    return this.link.channel;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('messageAdded', this.onMessage);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('messageAdded', this.onMessage);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
    this.link.bind(this.room.session);
  }

  private readonly onMessage = (event: Event): void => {
    const { message } = (event as CustomEvent<{ message: ChatMessage }>).detail;
    if (event.target !== this || message.memberSid === this.link.client?.username) {
      void this.updateComplete.then(() => this.scrollToEnd());
      return;
    }
    // Whether the reader is at the end is what they last scrolled to: the list grows (and lays out
    // later) without a scroll of theirs.
    if (!this.following || document.hidden) this.unreadCount += 1;
    this.announcement = `${message.author}: ${message.body}`;
    if (this.following) void this.updateComplete.then(() => this.scrollToEnd());
  };

  private readonly onVisible = (): void => {
    if (!document.hidden && this.following) this.unreadCount = 0;
  };

  private atEnd(): boolean {
    const list = this.list;
    return !list || list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  }

  /** Follows the end: now, and again once the virtualizer has laid the new item out (its size was an estimate). */
  private scrollToEnd(): void {
    const list = this.list;
    if (!list) return;
    const toEnd = () => {
      if (this.following) list.scrollTop = list.scrollHeight;
    };
    toEnd();
    requestAnimationFrame(() => requestAnimationFrame(toEnd));
    if (!document.hidden) this.unreadCount = 0;
  }

  /**
   * The reader leaves the end by scrolling up, and follows again once back at the end. (The list
   * also scrolls when it grows or is laid out: those never move it up.)
   */
  private onScroll(): void {
    const top = this.list?.scrollTop ?? 0;
    if (top < this.lastScrollTop - 1) this.following = false;
    this.lastScrollTop = top;
    if (this.atEnd()) this.following = true;
    if (this.following && !document.hidden) this.unreadCount = 0;
  }

  /** The channel's messages (read at render: the channel keeps them). */
  private get messages(): readonly ChatMessage[] {
    return this.link.channel?.messages ?? [];
  }

  private send(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('[part~="input"]')!;
    const body = input.value.trim();
    const channel = this.link.channel;
    if (!body || !channel) return;
    input.value = '';
    channel.sendMessage(body).catch((error: unknown) => {
      input.value = body;
      this.dispatchEvent(new CustomEvent('error', { detail: { error }, composed: true }));
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) this.send(event);
    else if (event.key !== 'Tab' && event.key !== 'Shift') this.link.channel?.typing();
  }

  protected override render() {
    const strings = stringsFor(this);
    const client = this.link.client;
    const channel = this.link.channel;
    const own = client?.username;
    const typing = channel ? [...channel.members.values()].filter((m: ChatMember) => m.isTyping).map((m) => m.identity) : [];
    const state = client?.connectionState ?? 'disconnected';
    return html`<div part="header">
        <h2 id="title">${strings.chat}</h2>
        <span part="unread" ?hidden=${this.unreadCount === 0} aria-label=${strings.unreadMessages(this.unreadCount)}>${this.unreadCount}</span>
      </div>
      ${state === 'connected' && channel ? nothing : html`<p part="status">${this.link.error ? `${strings.chatFailed} (${this.link.error.name})` : strings.chatState(state)}</p>`}
      <div part="messages" role="log" aria-labelledby="title" tabindex="0" @scroll=${this.onScroll}>
        ${virtualize({
          scroller: true,
          items: this.messages as ChatMessage[],
          keyFunction: (m: ChatMessage) => m.sid,
          renderItem: (m: ChatMessage) =>
            html`<div part="message" ?data-own=${m.memberSid === own}>
              <span part="author">${m.author}</span>
              <time part="time" datetime=${m.timestamp.toISOString()}>${m.timestamp.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
              <p part="body">${m.body}</p>
            </div>`,
        })}
      </div>
      <p part="typing" aria-hidden="true">${typing.length ? strings.typing(typing) : nothing}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <form part="composer" @submit=${this.send}>
        <textarea part="input" rows="1" aria-label=${strings.messageInput} placeholder=${strings.messagePlaceholder} ?disabled=${!channel} @keydown=${this.onKey}></textarea>
        <button part="send" type="submit" ?disabled=${!channel}>${strings.send}</button>
      </form>`;
  }
}
