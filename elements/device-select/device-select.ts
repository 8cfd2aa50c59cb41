import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor, type Strings } from '../../src/i18n/strings.js';
import { DEVICE_KINDS, NO_DEVICES, listDevices, supportsSpeakerSelection, watchDevices, type DeviceKind, type DeviceLists } from '../../src/media/devices.js';
import { VERSION } from '../../src/version.js';
import { deviceSelectStyles } from './device-select.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

/** The `change` event's detail. */
export interface DeviceChangeDetail {
  kind: DeviceKind;
  deviceId: string;
}

/**
 * Camera, microphone and speaker pickers for the room it sits in (or the `<video-room>`
 * its `for` attribute names), before and during a call.
 *
 * Native `<select>`s with labels: keyboard and screen readers work as everywhere. Picking a
 * device switches to it at once (no renegotiation) and is remembered for later joins. The speaker
 * picker is left out where the browser cannot choose a speaker (`setSinkId`). Device names appear
 * once the page may use a camera or microphone (a `<local-preview>` asks for that).
 *
 * @tagname device-select
 * @summary Camera, microphone and speaker pickers for the room it sits in (or the `<video-room>` its `for` attribute names), before and during a call.
 *
 * @fires {DeviceChangeDetail} change - A device was picked: `detail` is `{ kind, deviceId }` (the switch itself is
 *   announced by the room's `camera.updated`, `microphone.updated` or `speaker.updated`).
 *
 * @csspart field - Each label and picker pair (also `camera`, `microphone`, `speaker`).
 * @csspart label - The labels.
 * @csspart select - The `<select>` elements.
 *
 * @cssproperty --device-select-gap - Space between the pickers.
 * @cssproperty --device-select-min-width - Narrowest a picker gets.
 * @cssproperty --device-select-background - Background of the pickers.
 * @cssproperty --device-select-border-color - Border colour of the pickers.
 * @cssproperty --device-select-font - Font of the pickers (default inherit).
 * @cssproperty --device-select-label-color - Colour of the labels.
 * @cssproperty --device-select-color - Text colour of the pickers.
 */
export class DeviceSelect extends LitElement {
  static override styles = [themeStyles, deviceSelectStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);
  private stopWatching: (() => void) | undefined;
  private lastLabels = '';

  @state() private devices: DeviceLists = NO_DEVICES;

  /** The id of the `<video-room>` to work with, when not inside it. */
  @property({ reflect: true }) for = '';

  /** Which pickers to show: any of `camera`, `microphone`, `speaker`, space-separated (default all). */
  @property({ reflect: true }) kind = 'camera microphone speaker';

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchDevices(() => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
    // Names appear once a device is in use: list again when the devices in use change.
    const self = this.room.snapshot?.self;
    const labels = `${self?.cameraDevice?.deviceId}|${self?.microphoneDevice?.deviceId}`;
    if (labels !== this.lastLabels) {
      this.lastLabels = labels;
      void this.refresh();
    }
  }

  protected override render() {
    const strings = stringsFor(this);
    const kinds = this.kind.split(/\s+/).filter((k): k is DeviceKind => (DEVICE_KINDS as readonly string[]).includes(k));
    return html`${kinds.map((kind) => this.picker(kind, strings))}`;
  }

  private picker(kind: DeviceKind, strings: Strings) {
    if (kind === 'speaker' && !supportsSpeakerSelection()) return nothing;
    const devices = this.devices[kind];
    const current = this.inUse(kind);
    const id = `device-select-${kind}`;
    const label = strings[kind];
    return html`<span part="field ${kind}">
      <label part="label" for=${id}>${label}</label>
      <select part="select" id=${id} ?disabled=${!this.room.session || devices.length === 0} @change=${(e: Event) => this.pick(kind, e.target as HTMLSelectElement)}>
        ${devices.length === 0 ? html`<option value="">${strings.noDevice}</option>` : nothing}
        ${devices.map(
          (device, i) =>
            html`<option value=${device.deviceId} ?selected=${device.deviceId === current}>
              ${device.deviceId === 'default' && !device.label ? strings.systemDefault : device.label || strings.unnamedDevice(i + 1)}
            </option>`,
        )}
      </select>
    </span>`;
  }

  private async refresh(): Promise<void> {
    this.devices = await listDevices();
  }

  private async pick(kind: DeviceKind, select: HTMLSelectElement): Promise<void> {
    const session = this.room.session;
    const deviceId = select.value;
    if (!session) return;
    this.dispatchEvent(new CustomEvent<DeviceChangeDetail>('change', { detail: { kind, deviceId }, bubbles: true, composed: true }));
    try {
      if (kind === 'camera') await session.updateCamera({ deviceId: { exact: deviceId } });
      else if (kind === 'microphone') await session.updateMicrophone({ deviceId: { exact: deviceId } });
      else await session.updateSpeaker({ deviceId });
    } catch {
      // Reported by the room (`error`); show the device actually in use again.
      select.value = this.inUse(kind);
    }
  }

  /** The id of the device of `kind` in use (the system's default speaker: "default"). */
  private inUse(kind: DeviceKind): string {
    const self = this.room.snapshot?.self;
    if (kind === 'camera') return self?.cameraDevice?.deviceId ?? '';
    if (kind === 'microphone') return self?.microphoneDevice?.deviceId ?? '';
    return self?.speaker?.deviceId ?? 'default';
  }
}
