/**
 * The first import of every services/<name>/src/main.ts, before reflect-metadata and
 * @tnp/platform: what it does has to happen before those load (ADR 0021).
 *
 * - V8's start-only settings (./startup-flags); runService ends them once the service started.
 * - @nestjs/common loads with a deferred Intl.DateTimeFormat: its ConsoleLogger builds a
 *   formatter when the module loads, and building one reads ICU's locale and time-zone data
 *   (about 9 MB resident) that a service logging through pino never needs. The formatter is
 *   built, with the same arguments, on the first message the Nest logger prints. Only the
 *   modules loaded by this one require see the deferred constructor; it is restored right after.
 */
import { beginLeanStartup } from './startup-flags';

beginLeanStartup();

type DateTimeFormatArguments = ConstructorParameters<typeof Intl.DateTimeFormat>;

const loadNestCommonWithDeferredDateTimeFormat = (): void => {
  const RealDateTimeFormat = Intl.DateTimeFormat;
  function DeferredDateTimeFormat(
    ...args: DateTimeFormatArguments
  ): Pick<Intl.DateTimeFormat, 'format' | 'formatToParts' | 'formatRange' | 'formatRangeToParts' | 'resolvedOptions'> {
    let real: Intl.DateTimeFormat | undefined;
    const formatter = (): Intl.DateTimeFormat => (real ??= new RealDateTimeFormat(...args));
    return {
      format: (date) => formatter().format(date),
      formatToParts: (date) => formatter().formatToParts(date),
      formatRange: (start, end) => formatter().formatRange(start, end),
      formatRangeToParts: (start, end) => formatter().formatRangeToParts(start, end),
      resolvedOptions: () => formatter().resolvedOptions(),
    };
  }
  Intl.DateTimeFormat = DeferredDateTimeFormat as unknown as typeof Intl.DateTimeFormat;
  try {
    require('@nestjs/common');
  } finally {
    Intl.DateTimeFormat = RealDateTimeFormat;
  }
};

loadNestCommonWithDeferredDateTimeFormat();
