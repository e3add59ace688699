import { numberRoutingDecider, numberRoutingStreamId } from '@tnp/assignment-domain';
import { foldedWith, type NumberHistorySource } from '@tnp/service-runtime';

/** Where a number routed and whom it was assigned to over time: its number-routing stream. */
export const assignmentNumberHistory: NumberHistorySource = {
  streamsOf: async (number) => [numberRoutingStreamId(number)],
  stateOf: (_streamId, events) => foldedWith(numberRoutingDecider)(events),
};
