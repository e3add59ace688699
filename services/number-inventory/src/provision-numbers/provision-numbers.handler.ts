import type { AppendRequest, EventStore } from '@tnp/event-store';
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

/**
 * Provisions up to 10,000 numbers in one atomic write. Numbers that exist already are classified
 * (skipped at this site, failed elsewhere); the rest are appended as new streams. One created by
 * another writer meanwhile fails the command's commit, and the command runs again and sees it.
 */
export class ProvisionNumbersHandler {
  constructor(private readonly store: EventStore) {}

  async handle(input: ProvisionNumbersInput, metadata: CommandMetadata): Promise<ProvisionNumbersResult> {
    const numbers = input.numbers ? [...new Set(input.numbers)] : expandRange(input.range!.start, input.range!.end);
    const existing = await this.store.readStreams(numbers.map(numberStreamId));
    const outcomes = new Map<string, ProvisionOutcome>();
    const fresh: string[] = [];
    for (const number of numbers) {
      const events = existing.get(numberStreamId(number)) ?? [];
      if (events.length === 0) fresh.push(number);
      else outcomes.set(number, classifyExisting(number, foldRecorded(evolveNumber, initialNumberState(), events), input, metadata));
    }
    if (fresh.length > 0) await this.store.appendMany(fresh.map((number) => this.provisionRequest(number, input, metadata)));
    for (const number of fresh) outcomes.set(number, { number, outcome: 'provisioned' });
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
