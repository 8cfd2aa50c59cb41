/** Attribute converters of `<video-room>`. */
import type { ComplexAttributeConverter } from 'lit';

/** A boolean that is on unless the attribute says "false" (or "0", "off", "no"). */
export const onUnlessFalse: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value === null || !['false', '0', 'off', 'no'].includes(value.trim().toLowerCase()),
  toAttribute: (value) => (value ? null : 'false'),
};

/** Absent: undefined (the library decides); "false", "0", "off", "no": false; anything else: true. */
export const autoBoolean: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : onUnlessFalse.fromAttribute!(value, Boolean)),
  toAttribute: (value) => (value === undefined ? null : value ? '' : 'false'),
};
