// Its room is the provider: registering it too means a page can import this module alone.
import '../video-room/define.js';
import { defineElement } from '../../src/define.js';
import { MemberList } from './member-list.js';

defineElement('member-list', MemberList);

declare global {
  interface HTMLElementTagNameMap {
    'member-list': MemberList;
  }
}

export { MemberList };
