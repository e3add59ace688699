import { Readable } from 'node:stream';
import { PlatformError, type Principal } from '@tnp/kernel';
import type { SiteNumberChunk, SiteNumberFilters, SiteNumberView } from '@tnp/number-inventory-contracts';
import type { ServiceClient } from '../http/nats-client';

const HEADER = ['Phone number', 'EXT', 'Status', 'Allocated to', 'Cooling off date', 'Main number', 'Range name', 'Locked'];

/** Spreadsheet apps run cells starting with = + - @ as formulas; E.164 numbers are the one safe + cell. */
const neutralised = (value: string): string =>
  /^[=\-@\t\r]/.test(value) || (/^\+/.test(value) && !/^\+\d+$/.test(value)) ? `'${value}` : value;

const cell = (raw: string): string => {
  const value = neutralised(raw);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

export const csvLine = (values: readonly string[]): string => `${values.map(cell).join(',')}\r\n`;

export const csvRow = (n: SiteNumberView): string =>
  csvLine([
    n.number,
    n.ext ?? '',
    n.status,
    n.allocatedTo === null ? '' : n.allocatedTo.type === 'operator' ? 'Operator' : (n.allocatedTo.name ?? n.allocatedTo.occupierId),
    n.coolingOffUntil ? n.coolingOffUntil.slice(0, 10) : '',
    n.isMain ? 'Main number' : '',
    n.rangeName,
    n.locked ? 'Locked' : '',
  ]);

/**
 * Streams the CSV a page at a time: memory stays flat however many rows match. The first page
 * is fetched before the response starts, so a refused query still answers with a proper error.
 */
export const siteNumbersCsv = async (
  client: ServiceClient,
  subject: string,
  principal: Principal,
  filters: SiteNumberFilters,
): Promise<NodeJS.ReadableStream> => {
  const fetchChunk = async (after: string | null): Promise<SiteNumberChunk> => {
    const reply = await client.query<SiteNumberChunk>(subject, principal, { ...filters, ...(after ? { after } : {}), limit: 2000 });
    if (!reply.ok) throw PlatformError.fromBody(reply.error);
    return reply.value;
  };
  const first = await fetchChunk(null);
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(HEADER);
    let chunk: SiteNumberChunk = first;
    for (;;) {
      yield chunk.items.map(csvRow).join('');
      if (chunk.next === null) return;
      chunk = await fetchChunk(chunk.next);
    }
  }
  return Readable.from(lines());
};
