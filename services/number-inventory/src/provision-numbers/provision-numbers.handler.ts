import { ConcurrencyConflictError, type AppendRequest, type EventStore } from '@tnp/event-store';
import { isPlatformError, type CommandMetadata } from '@tnp/kernel';
import { foldRecorded, toNewEvents } from '@tnp/messaging';
import {
  decideNumber,
  evolveNumber,
  expandRange,
  initialNumberState,
  numberStreamId,
  type NumberCommand,
  type NumberState,
} from '@tnp/number-inventory-domain';
import type { ProvisionNumbersInput, ProvisionNumbersResult, ProvisionOutcome } from '@tnp/number-inventory-contracts';

const MAX_ATTEMPTS = 5;

/**
 * Provisions up to 10,000 numbers in one atomic write per attempt. Numbers that turn out to
 * exist already are classified (skipped at this site, failed elsewhere) and the rest written again.
 */
export class ProvisionNumbersHandler {
  constructor(private readonly store: EventStore) {}

  async handle(input: ProvisionNumbersInput, metadata: CommandMetadata): Promise<ProvisionNumbersResult> {
    const numbers = input.numbers ? [...new Set(input.numbers)] : expandRange(input.range!.start, input.range!.end);
    const outcomes = new Map<string, ProvisionOutcome>();
    let pending = numbers;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const requests = pending.map((number) => this.provisionRequest(number, input, metadata));
      try {
        await this.store.appendMany(requests);
        for (const number of pending) outcomes.set(number, { number, outcome: 'provisioned' });
        pending = [];
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        const existing = new Set(error.conflicts.map((c) => c.streamId));
        const taken = pending.filter((n) => existing.has(numberStreamId(n)));
        const streams = await this.store.readStreams(taken.map(numberStreamId));
        for (const number of taken) {
          const state = foldRecorded(evolveNumber, initialNumberState(), streams.get(numberStreamId(number)) ?? []);
          outcomes.set(number, classifyExisting(number, state, input, metadata));
        }
        pending = pending.filter((n) => !existing.has(numberStreamId(n)));
      }
    }
    return summarise(numbers.map((n) => outcomes.get(n) ?? { number: n, outcome: 'failed', reason: 'not attempted' }));
  }

  private provisionRequest(number: string, input: ProvisionNumbersInput, metadata: CommandMetadata): AppendRequest {
    const streamId = numberStreamId(number);
    const events = decideNumber(provisionCommand(number, input, metadata), initialNumberState(), {
      ownerMainNumber: null,
      coolingOffDays: 0,
    });
    return { streamId, events: toNewEvents(streamId, events, metadata), expectedRevision: 'no_stream' };
  }
}

const classifyExisting = (
  number: string,
  state: NumberState,
  input: ProvisionNumbersInput,
  metadata: CommandMetadata,
): ProvisionOutcome => {
  try {
    decideNumber(provisionCommand(number, input, metadata), state, { ownerMainNumber: null, coolingOffDays: 0 });
    return { number, outcome: 'skipped', reason: 'already provisioned at this site' };
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    return { number, outcome: 'failed', reason: error.message, ...(error.details.rule ? { rule: error.details.rule } : {}) };
  }
};

const provisionCommand = (number: string, input: ProvisionNumbersInput, metadata: CommandMetadata): NumberCommand => ({
  type: 'ProvisionNumber',
  data: {
    number,
    siteId: input.siteId,
    ext: input.ext ?? (input.extFromLastDigits ? number.slice(-input.extFromLastDigits) : null),
    kind: input.kind,
    rangeName: input.rangeName,
    portedIn: input.portedIn,
    portedFrom: input.portedFrom ?? null,
  },
  metadata,
});

const summarise = (results: ProvisionOutcome[]): ProvisionNumbersResult => {
  const count = (outcome: ProvisionOutcome['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const failed = count('failed');
  return {
    status: failed === 0 ? 'COMPLETE' : failed === results.length ? 'FAILED' : 'PARTIAL',
    provisioned: count('provisioned'),
    skipped: count('skipped'),
    failed,
    results,
  };
};
