import type { z } from 'zod';
import type { Message } from './decider';

/** A released version of an event's payload, and how data of that version becomes the next one. */
export type PastVersion = {
  readonly schema: z.ZodType;
  readonly upcast: (data: unknown) => unknown;
};

/** One event type: its current payload schema, the versions before it (oldest first), an example. */
export type EventDefinition<S extends z.ZodType = z.ZodType> = {
  readonly schema: S;
  readonly version: number;
  readonly past: readonly PastVersion[];
  readonly summary: string;
  readonly example: z.output<S>;
};

export const eventDefinition = <S extends z.ZodType>(
  schema: S,
  options: { readonly summary: string; readonly example: z.output<S>; readonly past?: readonly PastVersion[] },
): EventDefinition<S> => ({
  schema,
  version: (options.past?.length ?? 0) + 1,
  past: options.past ?? [],
  summary: options.summary,
  example: options.example,
});

export type EventDefinitions = Readonly<Record<string, EventDefinition>>;

/** The events of one aggregate, whose streams are `<streamPrefix>-<id>`. */
export type AggregateEvents<D extends EventDefinitions = EventDefinitions> = {
  readonly aggregate: string;
  readonly description: string;
  readonly events: D;
};

/** Every event a service stores and publishes, by aggregate: the contract its subscribers build on. */
export type EventCatalogue = {
  readonly service: string;
  readonly title: string;
  readonly aggregates: readonly AggregateEvents[];
};

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** The domain's event union, derived from the schemas: `Message<'NumberActivated', {...}> | ...`. */
export type EventsOf<D extends EventDefinitions> = {
  [K in keyof D & string]: Message<K, DeepReadonly<z.output<D[K]['schema']>>>;
}[keyof D & string];

/** The payload type of one event of a definition set. */
export type EventData<D extends EventDefinitions, K extends keyof D> = DeepReadonly<z.output<D[K]['schema']>>;

/** CloudEvents `type` of an event: reverse-DNS, with its service and version. */
export const EVENT_TYPE_NAMESPACE = 'com.telephony';

export const cloudEventType = (service: string, type: string, version: number): string =>
  `${EVENT_TYPE_NAMESPACE}.${service}.${type}.v${version}`;

export type ParsedEventType = { readonly service: string; readonly type: string; readonly version: number };

const CLOUD_EVENT_TYPE = /^com\.telephony\.([a-z][a-z0-9-]*)\.([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)$/;

export const parseCloudEventType = (ceType: string): ParsedEventType | undefined => {
  const match = CLOUD_EVENT_TYPE.exec(ceType);
  return match ? { service: match[1] ?? '', type: match[2] ?? '', version: Number(match[3]) } : undefined;
};

/** Where the served JSON Schema of an event version lives, below the gateway's public URL. */
export const eventSchemaPath = (service: string, type: string, version: number): string =>
  `/schemas/events/${service}/${type}.v${version}.json`;

export type EventLookup = {
  readonly aggregate: string;
  readonly type: string;
  readonly definition: EventDefinition;
};

/** A catalogue indexed for the store and the relay: check what is written, upcast what is read. */
export class EventContract {
  private readonly byType = new Map<string, EventLookup>();

  constructor(readonly catalogue: EventCatalogue) {
    for (const { aggregate, events } of catalogue.aggregates) {
      for (const [type, definition] of Object.entries(events)) {
        if (this.byType.has(type)) throw new Error(`${catalogue.service} defines ${type} twice`);
        this.byType.set(type, { aggregate, type, definition });
      }
    }
  }

  get service(): string {
    return this.catalogue.service;
  }

  /** Stream prefixes, longest first, so `main-number-claim-x` is not taken for a `main` stream. */
  get aggregates(): readonly string[] {
    return this.catalogue.aggregates.map((a) => a.aggregate).sort((a, b) => b.length - a.length);
  }

  lookup(type: string): EventLookup | undefined {
    return this.byType.get(type);
  }

  versionOf(type: string): number {
    return this.byType.get(type)?.definition.version ?? 1;
  }

  /** An event about to be stored must be one the catalogue names, with a payload its schema accepts. */
  check(type: string, data: unknown): void {
    const found = this.byType.get(type);
    if (!found) throw new EventContractError(`${this.service} has no event type ${type} in its catalogue`);
    const result = found.definition.schema.safeParse(data);
    if (!result.success) {
      const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new EventContractError(`${type} does not match its schema v${found.definition.version}: ${where}`);
    }
  }

  /**
   * A received event as its current version, checked against its schema: undefined for a type the
   * catalogue does not name (a newer producer's), an EventContractError for data that does not match.
   */
  decode(type: string, version: number, data: unknown): { readonly type: string; readonly data: unknown } | undefined {
    if (!this.byType.has(type)) return undefined;
    const current = this.upcast(type, version, data);
    this.check(type, current.data);
    return { type, data: current.data };
  }

  /** Data stored at an older version, brought up to the current one through each upcaster in turn. */
  upcast(type: string, version: number, data: unknown): { readonly version: number; readonly data: unknown } {
    const found = this.byType.get(type);
    if (!found || version >= found.definition.version) return { version, data };
    let upcast = data;
    for (let v = version; v < found.definition.version; v++) {
      const step = found.definition.past[v - 1];
      if (!step) throw new EventContractError(`${type} has no upcaster from v${v}`);
      upcast = step.upcast(upcast);
    }
    return { version: found.definition.version, data: upcast };
  }
}

export class EventContractError extends Error {
  override readonly name = 'EventContractError';
}
