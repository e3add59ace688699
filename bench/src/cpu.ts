import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * CPU attribution: each measurement states the CPU every process used while it ran, from
 * /proc/<pid>/stat (utime + stime, in clock ticks) read before and after. PostgreSQL is every
 * `postgres` process except client backends of other databases (so other work on a shared server
 * is left out); NATS is the nats-server listening on the run's port. "machine" is the whole
 * machine's busy time from /proc/stat, so a disturbed measurement shows.
 */
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

export type Party = { readonly name: string; readonly pid: number };

const ticksOf = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
};

const processesNamed = (name: string): number[] => {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
};

const cmdlineOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

const machineBusy = (): { busy: number; cores: number } => {
  const stat = readFileSync('/proc/stat', 'utf8');
  const [first = '', ...rest] = stat.split('\n');
  const values = first.trim().split(/\s+/).slice(1).map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, cores: rest.filter((l) => /^cpu\d+ /.test(l)).length };
};

const natsPids = (natsUrl: string): number[] => {
  const all = processesNamed('nats-server');
  const port = new URL(natsUrl.replace(/^nats:/, 'http:')).port || '4222';
  const listening = all.filter((pid) => new RegExp(`(-p|--port|--addr\\S*:)\\s*${port}\\b`).test(cmdlineOf(pid)));
  return listening.length > 0 ? listening : all;
};

export type CpuFigures = { readonly text: string; readonly cores: Readonly<Record<string, number>> };

export type CpuWindow = { readonly end: () => Promise<CpuFigures> };

/** Starts a window; `end()` gives, for each party and for postgres, nats and the machine, the cores used meanwhile. */
export const cpuWindow = async (options: {
  readonly parties: readonly Party[];
  readonly databaseUrl: string;
  readonly natsUrl: string;
}): Promise<CpuWindow> => {
  const monitor = new Client({ connectionString: options.databaseUrl, application_name: 'bench cpu attribution' });
  await monitor.connect();
  const database = new URL(options.databaseUrl).pathname.slice(1);
  const postgresPids = async (): Promise<number[]> => {
    const { rows } = await monitor.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname IS DISTINCT FROM $1`,
      [database],
    );
    const others = new Set(rows.map((r) => r.pid));
    return processesNamed('postgres').filter((pid) => !others.has(pid));
  };
  const snapshot = async () => {
    const groups = new Map<string, Map<number, number>>();
    const add = (name: string, pids: readonly number[]) => {
      const group = groups.get(name) ?? new Map<number, number>();
      for (const pid of pids) {
        const ticks = ticksOf(pid);
        if (ticks !== undefined) group.set(pid, ticks);
      }
      groups.set(name, group);
    };
    for (const party of options.parties) add(party.name, [party.pid]);
    add('postgres', await postgresPids());
    add('nats', natsPids(options.natsUrl));
    return { groups, machine: machineBusy(), at: performance.now() };
  };
  const before = await snapshot();
  return {
    end: async () => {
      const after = await snapshot();
      await monitor.end();
      const seconds = (after.at - before.at) / 1000;
      const cores: Record<string, number> = {};
      for (const [name, group] of after.groups) {
        let ticks = 0;
        // A process that started during the window counts from zero; one that ended is lost.
        for (const [pid, t] of group) ticks += t - (before.groups.get(name)?.get(pid) ?? 0);
        cores[name] = ticks / CLOCK_TICKS / seconds;
      }
      cores['machine'] = (after.machine.busy - before.machine.busy) / CLOCK_TICKS / seconds;
      const text = [
        ...Object.entries(cores)
          .filter(([name]) => name !== 'machine')
          .map(([name, c]) => `${name} ${c.toFixed(2)}`),
        `(machine ${cores['machine'].toFixed(2)} of ${after.machine.cores})`,
      ].join(', ');
      return { text, cores };
    },
  };
};
