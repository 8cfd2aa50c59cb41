import { connect } from '../../../dist/src/twilio/index.js';
import { token } from './token.js';

const joined = // test hook
connect(await token(), { name: 'my-cool-room' }).then(room => {
room.once('disconnected', (room, error) => {
if (error) {
console.log('You were disconnected from the Room:', error.code, error.message);
}
});
return room; // test hook
});

export { joined }; // test hook
