import { setFlagsFromString } from 'node:v8';
import { nodeOptions } from './config';

/**
 * V8 settings for the start of a service only (ADR 0021), each with the value V8 returns to once
 * the service runs. While the modules load, V8 would grow the young generation (its semi-spaces)
 * to tens of MB, and it would compile code that runs only while starting (module bodies, schema
 * and metadata builders) with Sparkplug, Maglev and TurboFan, keeping the compiled scripts and
 * `new Function` bodies in its compilation cache. An idle service keeps all of that: about 45 MB
 * resident. So while starting, the young generation stays at its initial 1 MB, only the
 * interpreter runs, nothing is cached, and the heap grows as on a small device. Afterwards
 * V8's defaults are back and a service under load runs as before. (Keeping a 1 MB young
 * generation under load cost 20-45 % more CPU per command.)
 */
const STARTUP_FLAGS: readonly {
  readonly name: string;
  readonly during: string;
  readonly after: string;
  readonly unless: readonly string[];
}[] = [
  { name: 'young generation', during: '--semi-space-growth-factor=1', after: '--semi-space-growth-factor=2', unless: ['semi-space'] },
  { name: 'maglev', during: '--no-maglev', after: '--maglev', unless: ['maglev', 'max-opt', 'jitless', 'lite-mode'] },
  { name: 'turbofan', during: '--no-turbofan', after: '--turbofan', unless: ['turbofan', 'max-opt', 'jitless', 'lite-mode'] },
  { name: 'heap growing', during: '--optimize-for-size', after: '--no-optimize-for-size', unless: ['optimize-for-size', 'lite-mode'] },
  { name: 'baseline compiler', during: '--no-sparkplug', after: '--sparkplug', unless: ['sparkplug', 'max-opt', 'jitless', 'lite-mode'] },
  { name: 'compilation cache', during: '--no-compilation-cache', after: '--compilation-cache', unless: ['compilation-cache'] },
];

let applied: readonly string[] | undefined;

/** Flags given on the command line or in NODE_OPTIONS win: a setting they name is not touched. */
const givenFlags = (): string => [...process.execArgv, nodeOptions()].join(' ').replace(/_/g, '-');

/** Called first in every service's main (through ./lean-startup), before any other module loads. */
export const beginLeanStartup = (): void => {
  if (applied) return;
  const given = givenFlags();
  const flags = STARTUP_FLAGS.filter((flag) => !flag.unless.some((name) => given.includes(name)));
  for (const flag of flags) setFlagsFromString(flag.during);
  applied = flags.map((flag) => flag.after);
};

/** Once the service started: V8's defaults again. Without beginLeanStartup (tests, tools): nothing. */
export const endLeanStartup = (): void => {
  for (const flag of applied ?? []) setFlagsFromString(flag);
  applied = [];
};
