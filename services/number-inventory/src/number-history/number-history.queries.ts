import type { NatsConnection } from '@nats-io/transport-node';
import type { EventStore } from '@tnp/event-store';
import { type NumberHistoryPart, type NumberHistoryPartQuery, type Principal, type Reply } from '@tnp/kernel';
import {
  SERVICE,
  type HistoryContext,
  type NumberHistoryInput,
  type NumberHistoryPage,
  type NumberStateAt,
  type NumberStateAtInput,
} from '@tnp/number-inventory-contracts';
import { readNumberHistoryPart } from '@tnp/service-runtime';
import { inventoryNumberHistory } from './inventory-number-history';
import { assertMayReadStateAt, historyScope, holdingPeriods, mergeTimeline, pageOfTimeline, siteOf } from './number-timeline';

const PART_TIMEOUT_MS = 5000;

/** Where the other contexts serve their part of a number's history. */
const PART_SUBJECTS = {
  assignment: 'qry.assignment.number-history-part',
  fax: 'qry.fax.number-history-part',
  'extension-device': 'qry.extension-device.number-history-part',
  'call-flow': 'qry.call-flow.number-history-part',
} as const satisfies Record<Exclude<HistoryContext, typeof SERVICE>, string>;
const REMOTE = Object.keys(PART_SUBJECTS) as (keyof typeof PART_SUBJECTS)[];

type Parts = { readonly inventory: NumberHistoryPart; readonly others: NumberHistoryPart[]; readonly unavailable: string[] };

/**
 * A number's history and its state at any instant across every context (ADR 0028): inventory's
 * part from its own store, the others' asked for over NATS at once. Inventory decides who may
 * see what, as it alone knows who held the number when.
 */
export class NumberHistoryQueries {
  constructor(
    private readonly store: EventStore,
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {}

  async history(input: NumberHistoryInput, principal: Principal | undefined): Promise<NumberHistoryPage> {
    const { inventory, others, unavailable } = await this.parts({ number: input.number });
    const visible = historyScope(principal, input.number, inventory.entries);
    const timeline = mergeTimeline([inventory, ...others]).filter(visible);
    return { number: input.number, siteId: siteOf(inventory.entries), ...pageOfTimeline(timeline, input.cursor, input.limit), unavailable };
  }

  async stateAt(input: NumberStateAtInput, principal: Principal | undefined): Promise<NumberStateAt> {
    const at = new Date(input.at).toISOString();
    const whole = await readNumberHistoryPart(SERVICE, inventoryNumberHistory, this.store, { number: input.number });
    historyScope(principal, input.number, whole.entries);
    assertMayReadStateAt(principal, input.number, at, holdingPeriods(whole.entries));
    const { inventory, others, unavailable } = await this.parts({ number: input.number, at });
    const contexts = Object.fromEntries([inventory, ...others].map((p) => [p.context, p.states ?? []]));
    return { number: input.number, at, siteId: siteOf(whole.entries), contexts, unavailable };
  }

  private async parts(query: NumberHistoryPartQuery): Promise<Parts> {
    const [inventory, answers] = await Promise.all([
      readNumberHistoryPart(SERVICE, inventoryNumberHistory, this.store, query),
      Promise.all(REMOTE.map((context) => this.ask(context, query))),
    ]);
    const others = answers.filter((a): a is NumberHistoryPart => a !== undefined);
    return { inventory, others, unavailable: REMOTE.filter((_, i) => answers[i] === undefined) };
  }

  private async ask(context: keyof typeof PART_SUBJECTS, query: NumberHistoryPartQuery): Promise<NumberHistoryPart | undefined> {
    try {
      const message = await this.nc.request(
        `${this.prefix ? `${this.prefix}.` : ''}${PART_SUBJECTS[context]}`,
        JSON.stringify({ principal: { id: SERVICE, role: 'system' }, data: query }),
        { timeout: PART_TIMEOUT_MS },
      );
      const reply = message.json<Reply<NumberHistoryPart>>();
      return reply.ok ? reply.value : undefined;
    } catch {
      return undefined;
    }
  }
}
