import { faxNumberDecider, faxNumberStreamId } from '@tnp/fax-domain';
import { foldedWith, type NumberHistorySource } from '@tnp/service-runtime';

/** A number's fax settings over time: its fax-number stream. */
export const faxNumberHistory: NumberHistorySource = {
  streamsOf: async (number) => [faxNumberStreamId(number)],
  stateOf: (_streamId, events) => foldedWith(faxNumberDecider)(events),
};
