import { Client } from 'pg';

/**
 * How the firer waits between rounds: until the next due instant, or until a NOTIFY on
 * scheduler_timers says timers were added or moved. The LISTEN connection comes back by itself
 * after PostgreSQL restarted.
 */
export const timerWakeUp = (databaseUrl: string) => {
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: Client | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** LISTEN for new timers; after a lost connection (PostgreSQL restarted) it listens again. */
  const listen = async (): Promise<void> => {
    const client = new Client({ connectionString: databaseUrl, application_name: 'scheduler timer-firer listen' });
    listener = client;
    client.on('notification', () => wake?.());
    const reconnect = () => {
      if (stopped || listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void listen().catch(() => undefined), 500);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query('LISTEN scheduler_timers');
    } catch (error) {
      reconnect();
      throw error;
    }
  };

  const stop = async (): Promise<void> => {
    stopped = true;
    wake?.();
    await listener?.end().catch(() => undefined);
  };

  return {
    sleep,
    listen: () => {
      stopped = false;
      return listen();
    },
    stop,
  };
};
