import type { AppendRequest, EventStore } from '@tnp/event-store';
import { isPlatformError, type CommandMetadata } from '@tnp/kernel';
import { retryOnConflict } from '@tnp/messaging';
import { expandRange, NumberRule, type NumberCommand } from '@tnp/number-inventory-domain';
import type { BulkChangeInput, BulkChangeResult } from '@tnp/number-inventory-contracts';
import type { NumberCommandProcessor } from '../change-number-state/number-command.processor';

type Result = BulkChangeResult['results'][number];

const commandFor = (input: BulkChangeInput, number: string, metadata: CommandMetadata): NumberCommand => {
  const at = { number, siteId: input.siteId };
  switch (input.action) {
    case 'allocate':
      // The schema requires an owner for allocate.
      return { type: 'AllocateNumber', data: { ...at, owner: input.owner as NonNullable<BulkChangeInput['owner']> }, metadata };
    case 'deallocate':
      return { type: 'DeallocateNumber', data: at, metadata };
    case 'activate':
      return { type: 'ActivateNumber', data: at, metadata };
    case 'deactivate':
      return { type: 'DeactivateNumber', data: at, metadata };
    case 'lock':
      return { type: 'LockNumber', data: { ...at, reason: input.reason ?? null }, metadata };
    case 'unlock':
      return { type: 'UnlockNumber', data: at, metadata };
  }
};

/**
 * One change to many numbers of a site. Each number is decided on its own stream with the rules
 * of the single command, so each gets its own outcome (done, unchanged, or refused with its rule);
 * every change decided is written in one atomic append with the command's reply, or, in a dry run,
 * nothing is. Two numbers whose changes meet on one stream (two main numbers for one owner) are
 * decided as they would be one after the other: the second is refused.
 */
export class BulkChangeHandler {
  constructor(
    private readonly store: EventStore,
    private readonly numbers: NumberCommandProcessor,
  ) {}

  handle(input: BulkChangeInput, metadata: CommandMetadata): Promise<BulkChangeResult> {
    return retryOnConflict(() => this.attempt(input, metadata), 5);
  }

  private async attempt(input: BulkChangeInput, metadata: CommandMetadata): Promise<BulkChangeResult> {
    const numbers = input.numbers ? [...new Set(input.numbers)] : expandRange(input.range!.start, input.range!.end);
    const results: Result[] = [];
    const requests: AppendRequest[] = [];
    const touched = new Set<string>();
    for (const number of numbers) {
      try {
        const decision = await this.numbers.decide(commandFor(input, number, metadata));
        if (decision.requests.length === 0) {
          results.push({ number, outcome: 'unchanged' });
          continue;
        }
        // Another number of this request already takes the owner's main-number claim.
        if (decision.requests.some((r) => touched.has(r.streamId))) {
          results.push({
            number,
            outcome: 'refused',
            code: 'RULE_VIOLATED',
            rule: NumberRule.OWNER_HAS_MAIN_NUMBER,
          });
          continue;
        }
        for (const request of decision.requests) touched.add(request.streamId);
        requests.push(...decision.requests);
        results.push({ number, outcome: 'done' });
      } catch (error) {
        if (!isPlatformError(error) || error.code === 'UNAVAILABLE' || error.code === 'CONCURRENCY_CONFLICT') throw error;
        const rule = (error.details as { rule?: string } | undefined)?.rule;
        // No message per number: 10,000 results must fit one NATS reply; the rule says why.
        results.push({ number, outcome: 'refused', code: error.code, ...(rule ? { rule } : {}) });
      }
    }
    const written = input.dryRun || requests.length === 0 ? [] : await this.store.appendMany(requests);
    const count = (outcome: Result['outcome']) => results.filter((r) => r.outcome === outcome).length;
    const refused = count('refused');
    return {
      status: refused === 0 ? 'COMPLETE' : refused === results.length ? 'FAILED' : 'PARTIAL',
      dryRun: input.dryRun,
      action: input.action,
      counts: { done: count('done'), unchanged: count('unchanged'), refused },
      results,
      events: written.reduce((sum, r) => sum + r.eventIds.length, 0),
    };
  }
}
