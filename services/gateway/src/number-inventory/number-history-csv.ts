import { Readable } from 'node:stream';
import { PlatformError, type Principal } from '@tnp/kernel';
import type { NumberHistoryPage, NumberTimelineEntry } from '@tnp/number-inventory-contracts';
import type { ServiceClient } from '../http/nats-client';
import { csvLine } from './site-numbers-csv';

const HEADER = [
  'Recorded at',
  'Context',
  'Change',
  'By',
  'Role',
  'Command',
  'Command id',
  'Correlation id',
  'Reason',
  'Caused by',
  'Details',
];

const row = (e: NumberTimelineEntry): string =>
  csvLine([
    e.recordedAt,
    e.context,
    e.type,
    e.principal?.id ?? '',
    e.principal?.role ?? '',
    e.command ?? '',
    e.commandId,
    e.correlationId,
    e.why.reason ?? '',
    e.why.causedBy ? `${e.why.causedBy.context} ${e.why.causedBy.type}` : '',
    JSON.stringify(e.data),
  ]);

/** The timeline as CSV, a page at a time; the first page is read before the response starts, so a refusal is a proper error. */
export const numberHistoryCsv = async (
  client: ServiceClient,
  subject: string,
  principal: Principal,
  number: string,
): Promise<NodeJS.ReadableStream> => {
  const fetchPage = async (cursor: string | null): Promise<NumberHistoryPage> => {
    const reply = await client.query<NumberHistoryPage>(subject, principal, { number, limit: 1000, ...(cursor ? { cursor } : {}) });
    if (!reply.ok) throw PlatformError.fromBody(reply.error);
    if (reply.value.unavailable.length > 0)
      throw new PlatformError('UNAVAILABLE', `not every context answered (${reply.value.unavailable.join(', ')}); try again`);
    return reply.value;
  };
  const first = await fetchPage(null);
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(HEADER);
    let page = first;
    for (;;) {
      yield page.entries.map(row).join('');
      if (page.nextCursor === null) return;
      page = await fetchPage(page.nextCursor);
    }
  }
  return Readable.from(lines());
};
