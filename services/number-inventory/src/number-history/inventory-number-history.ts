import { numberDecider, numberStreamId } from '@tnp/number-inventory-domain';
import { foldedWith, type NumberHistorySource } from '@tnp/service-runtime';

/** A number's lifecycle over time: its number stream. */
export const inventoryNumberHistory: NumberHistorySource = {
  streamsOf: async (number) => [numberStreamId(number)],
  stateOf: (_streamId, events) => foldedWith(numberDecider)(events),
};
