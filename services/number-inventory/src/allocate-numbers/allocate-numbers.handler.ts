import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppendRequest, EventStore } from '@tnp/event-store';
import { isPlatformError, ruleViolated, type CommandMetadata } from '@tnp/kernel';
import { retryOnConflict } from '@tnp/messaging';
import { NumberRule } from '@tnp/number-inventory-domain';
import type { AllocateNumbersInput, AllocateNumbersResult } from '@tnp/number-inventory-contracts';
import type { NumberCommandProcessor } from '../change-number-state/number-command.processor';
import { SiteNumberEntity } from '../read-model/site-number.entity';

/**
 * Gives an occupier N available numbers in one atomic write: all N or none. Candidates come
 * from the read model, but every one is decided again on its own stream, and the append checks
 * each stream's revision, so concurrent requests can never share a number.
 */
export class AllocateNumbersHandler {
  constructor(
    private readonly store: EventStore,
    private readonly orm: MikroORM,
    private readonly numbers: NumberCommandProcessor,
  ) {}

  handle(input: AllocateNumbersInput, metadata: CommandMetadata): Promise<AllocateNumbersResult> {
    return retryOnConflict(() => this.attempt(input, metadata), 8);
  }

  private async attempt(input: AllocateNumbersInput, metadata: CommandMetadata): Promise<AllocateNumbersResult> {
    const chosen = await this.choose(input, metadata);
    const results = await this.store.appendMany(chosen.flatMap((c) => c.requests));
    return { numbers: chosen.map((c) => c.number), eventIds: results.flatMap((r) => r.eventIds) };
  }

  /** N available numbers decided for the occupier on their own streams, not yet written; refused when the site has fewer. */
  async choose(input: AllocateNumbersInput, metadata: CommandMetadata): Promise<{ number: string; requests: AppendRequest[] }[]> {
    const owner = { type: 'occupier' as const, occupierId: input.occupierId };
    const chosen: { number: string; requests: AppendRequest[] }[] = [];
    const pageSize = Math.max(input.count * 2, 20);
    for (let offset = 0; chosen.length < input.count; offset += pageSize) {
      const candidates = await this.candidates(input.siteId, metadata.now, offset, pageSize);
      if (candidates.length === 0) break;
      for (const number of candidates) {
        if (chosen.length === input.count) break;
        try {
          const decision = await this.numbers.decide({ type: 'AllocateNumber', data: { number, siteId: input.siteId, owner }, metadata });
          if (decision.requests.length > 0) chosen.push({ number, requests: decision.requests });
        } catch (error) {
          if (!isPlatformError(error)) throw error;
        }
      }
    }
    if (chosen.length < input.count) {
      throw ruleViolated(
        NumberRule.INSUFFICIENT_AVAILABLE_NUMBERS,
        `Site ${input.siteId} has ${chosen.length} allocatable numbers; ${input.count} were asked for`,
      );
    }
    return chosen;
  }

  private async candidates(siteId: string, now: string, offset: number, limit: number): Promise<string[]> {
    const rows = await this.orm.em.fork().find(
      SiteNumberEntity,
      {
        siteId,
        status: 'AVAILABLE',
        locked: false,
        isMain: false,
        kind: 'standard',
        $or: [{ coolingOffUntil: null }, { coolingOffUntil: { $lte: new Date(now) } }],
      },
      { orderBy: { number: 'asc' }, offset, limit, fields: ['number'] },
    );
    return rows.map((r) => r.number);
  }
}
