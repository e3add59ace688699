import type { RecordedEvent } from '@tnp/event-store';
import { deviceNumberDecider, deviceNumberStreamId, extensionDecider } from '@tnp/extension-device-domain';
import { foldedWith, type NumberHistorySource } from '@tnp/service-runtime';

const numberState = foldedWith(deviceNumberDecider);
const extensionState = foldedWith(extensionDecider);

/** A number's handset logins and its extensions over time: its device-number stream and every extension it was linked to. */
export const extensionDeviceNumberHistory: NumberHistorySource = {
  streamsOf: async (number, store) => {
    const stream = deviceNumberStreamId(number);
    const linked = numberState(await store.readStream(stream)).extensions;
    return [stream, ...linked.map((key) => `extension-${key}`)];
  },
  stateOf: (streamId: string, events: readonly RecordedEvent[]) =>
    streamId.startsWith('extension-') ? extensionState(events) : numberState(events),
};
