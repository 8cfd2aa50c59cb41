/** A refusal the room service answers with: an HTTP status and a documented Twilio-style code. */
export class ServiceError extends Error {
  readonly status: number;
  readonly code: number;

  constructor(status: number, code: number, name: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = name;
  }

  toJSON(): { code: number; name: string; message: string } {
    return { code: this.code, name: this.name, message: this.message };
  }
}

export const forbidden = (permission: string, what: string) =>
  new ServiceError(403, 20106, 'AccessTokenGrantsInvalidError', `Invalid Access Token grants: ${what} needs the "${permission}" permission, which this token does not grant`);
export const notFound = (memberId: string, room: string) =>
  new ServiceError(404, 53204, 'ParticipantNotFoundError', `Participant not found: no member "${memberId}" in room "${room}"`);
