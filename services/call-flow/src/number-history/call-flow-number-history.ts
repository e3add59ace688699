import { serviceNumberDecider, serviceNumberStreamId } from '@tnp/call-flow-domain';
import { foldedWith, type NumberHistorySource } from '@tnp/service-runtime';

/** A number as a service number over time (its flow, schedule and switches): its service-number stream. */
export const callFlowNumberHistory: NumberHistorySource = {
  streamsOf: async (number) => [serviceNumberStreamId(number)],
  stateOf: (_streamId, events) => foldedWith(serviceNumberDecider)(events),
};
