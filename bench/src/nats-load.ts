import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { latencySummary, serveLoad, type LoadResult, type NatsLoadConfig } from './load-processes';

/**
 * The NATS load generator (its own process): lock-number / unlock-number request-replies on
 * provisioned numbers. Request i goes to number i mod N, and locks on even passes over the
 * numbers and unlocks on odd ones; requests to one number are chained in index order, so each
 * number alternates lock, unlock, lock... whatever the concurrency. A reply that is not `ok`, or
 * that appended no event (a lock on a locked number is an accepted no-op), is an error, counted
 * and sampled, never throughput.
 */
serveLoad<NatsLoadConfig>(async (config) => {
  const nc = await connect({ servers: config.natsUrl, name: 'bench nats load' });
  const subject = (action: string) => `${config.prefix ? `${config.prefix}.` : ''}cmd.number-inventory.${action}`;
  const lock = subject('lock-number');
  const unlock = subject('unlock-number');
  const numbers = config.numbers;
  const chains = new Map<string, Promise<unknown>>();
  const latencies: number[] = [];
  const samples = new Set<string>();
  let ok = 0;
  let errors = 0;
  const fail = (text: string) => {
    errors++;
    if (samples.size < 5) samples.add(text.slice(0, 300));
  };

  /** Sends command i once the previous command to its number has its reply; resolves when it has its own. */
  const command = (i: number, since: () => number): Promise<void> => {
    const number = numbers[i % numbers.length] ?? '';
    const action = Math.floor(i / numbers.length) % 2 === 0 ? lock : unlock;
    const next = (chains.get(number) ?? Promise.resolve()).then(async () => {
      const t0 = since();
      try {
        const body = JSON.stringify({
          commandId: randomUUID(),
          principal: { id: 'bench', role: 'platform' },
          data: { siteId: config.siteId, number },
        });
        const reply = (await nc.request(action, body, { timeout: 30_000 })).json<{
          ok: boolean;
          value?: { eventIds?: readonly string[] };
          error?: unknown;
        }>();
        if (reply.ok && (reply.value?.eventIds?.length ?? 0) > 0) ok++;
        else if (reply.ok) fail(`${action.split('.').at(-1)} ${number}: a no-op (no event appended: the number was already in that state)`);
        else fail(`${action.split('.').at(-1)} ${number}: ${JSON.stringify(reply.error)}`);
      } catch (error) {
        fail(`${action.split('.').at(-1)} ${number}: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
    });
    chains.set(number, next);
    return next;
  };

  // One round trip before the clock starts, so connecting is not measured.
  await nc.flush();
  return async (): Promise<LoadResult> => {
    const started = performance.now();
    const mode = config.mode;
    let completed: number;
    if (mode.kind === 'closed') {
      let next = 0;
      await Promise.all(
        Array.from({ length: mode.concurrency }, async () => {
          for (let i = next++; i < mode.total; i = next++) {
            const sent = performance.now();
            await command(i, () => sent);
          }
        }),
      );
      completed = mode.total;
    } else {
      // Open loop: request i is due at started + i / rate whatever the replies; latency counts from when it was due.
      const total = Math.floor((mode.perSecond * mode.durationMs) / 1000);
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / mode.perSecond;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(command(i, () => due));
      }
      await Promise.all(inFlight);
      completed = total;
    }
    const seconds = (performance.now() - started) / 1000;
    await nc.close();
    return {
      completed,
      ok,
      errors,
      errorSamples: [...samples],
      seconds,
      perSecond: ok / seconds,
      latencyMs: latencySummary(latencies.sort((a, b) => a - b)),
    };
  };
});
