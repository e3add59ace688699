import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { jetStreamNameFor } from '@tnp/service-runtime';
import { row, type Row } from './bench-kit';
import { cpuWindow } from './cpu';
import { sampleRss, until, type ServiceProcess } from './service-processes';

/** Each downstream context's reaction to number-inventory's number events, by its durable consumer. */
const REACTIONS = [
  { service: 'assignment', durable: 'assignment-number-lifecycle' },
  { service: 'fax', durable: 'fax-number-lifecycle' },
  { service: 'extension-device', durable: 'extension-device-number-lifecycle' },
  { service: 'call-flow', durable: 'call-flow-number-lifecycle' },
] as const;

const RANGE = 10_000; // the most one provision-numbers command takes

/**
 * 10: with the whole platform running (each service its own process), number-inventory provisions
 * N numbers; each downstream context follows the events through its durable consumer. A reaction's figure is the
 * matching events over the time from the first event entering the stream to its consumer having
 * none pending or unacknowledged.
 */
export const reactionFigures = async (options: {
  /** The whole platform, running on `prefix`: number-inventory and the four downstream contexts at least. */
  readonly processes: readonly ServiceProcess[];
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly prefix: string;
  readonly numbers: number;
  readonly log: (message: string) => void;
}): Promise<Row[]> => {
  const processes = options.processes;
  const nc = await connect({ servers: options.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = jetStreamNameFor('number-inventory', options.prefix);
    const filter = `${options.prefix}.evt.number-inventory.number.>`;
    await until(
      'every reaction to have its durable consumer',
      async () => (await Promise.all(REACTIONS.map((r) => jsm.consumers.info(stream, r.durable).then(() => true)))).every(Boolean),
      60_000,
      100,
    );

    const cpu = await cpuWindow({
      parties: [...processes.map((p) => ({ name: p.name, pid: p.pid })), { name: 'bench', pid: process.pid }],
      databaseUrl: options.databaseUrl,
      natsUrl: options.natsUrl,
    });
    const rss = sampleRss(processes);
    const started = Date.now();
    for (let first = 0; first < options.numbers; first += RANGE) {
      const start = 442090000000 + first;
      const end = start + Math.min(RANGE, options.numbers - first) - 1;
      const reply = (
        await nc.request(
          `${options.prefix}.cmd.number-inventory.provision-numbers`,
          JSON.stringify({
            commandId: randomUUID(),
            principal: { id: 'bench', role: 'platform' },
            data: { siteId: 'reaction-site', rangeName: `Reactions ${first}`, range: { start: `+${start}`, end: `+${end}` } },
          }),
          { timeout: 120_000 },
        )
      ).json<{ ok: boolean; value?: { status: string }; error?: unknown }>();
      if (!reply.ok || reply.value?.status !== 'COMPLETE')
        throw new Error(`provisioning for the reactions answered ${JSON.stringify(reply)}`);
    }
    options.log(`10 reactions: ${options.numbers.toLocaleString('en')} numbers provisioned in ${Date.now() - started} ms`);

    const deadlineMs = Math.max(120_000, options.numbers * 20);
    const done = new Map<string, { at: number; events: number }>();
    let matching = 0;
    let firstEventAt = Number.NaN;
    let lastEventAt = Number.NaN;
    await until(
      'every reaction to have no pending events',
      async () => {
        const info = await jsm.streams.info(stream, { subjects_filter: filter });
        matching = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
        firstEventAt = Date.parse(info.state.first_ts);
        lastEventAt = Date.parse(info.state.last_ts);
        if (matching < options.numbers) return false;
        for (const r of REACTIONS) {
          if (done.has(r.durable)) continue;
          const consumer = await jsm.consumers.info(stream, r.durable);
          if (consumer.num_pending === 0 && consumer.num_ack_pending === 0) done.set(r.durable, { at: Date.now(), events: matching });
        }
        return done.size === REACTIONS.length;
      },
      deadlineMs,
      25,
    ).catch((error: unknown) => options.log(`10 reactions: ${(error as Error).message}`));
    const figures = await cpu.end();
    const peaks = rss.stop();

    const relayRate = matching / Math.max(0.001, (lastEventAt - firstEventAt) / 1000);
    const rows: Row[] = [];
    for (const r of REACTIONS) {
      let finished = done.get(r.durable);
      let timedOut = false;
      if (!finished) {
        const consumer = await jsm.consumers.info(stream, r.durable);
        finished = { at: Date.now(), events: matching - consumer.num_pending - consumer.num_ack_pending };
        timedOut = true;
      }
      const eventsPerSecond = finished.events / ((finished.at - firstEventAt) / 1000);
      rows.push(
        row({
          scenario: `10 reactions: ${r.service} (${r.durable}) follows ${options.numbers.toLocaleString('en')} provisioned numbers`,
          figure: eventsPerSecond,
          unit: 'events/s',
          baseline: timedOut ? 'TIMED OUT; relay publish rate' : 'relay publish rate',
          baselineValue: relayRate,
          target: '>= 5,000 events/s each',
          pass: !timedOut && eventsPerSecond >= 5000,
          ...(timedOut ? { errors: matching - finished.events } : {}),
          cpu: figures.text,
        }),
      );
    }
    for (const r of REACTIONS) {
      rows.push(
        row({
          scenario: `9 ${r.service}: resident memory under the reactions load`,
          figure: peaks[r.service] ?? Number.NaN,
          unit: 'MB',
          baseline: '-',
          baselineValue: null,
          target: 'report',
          pass: null,
        }),
      );
    }
    return rows;
  } finally {
    await nc.close();
  }
};
