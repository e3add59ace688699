import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { PLATFORM_EVENT_CATALOGUES } from './catalogues';
import { currentRelease, incompatibilities, type ReleasedEvents } from './compatibility';

const released = JSON.parse(readFileSync(join(__dirname, '..', 'released-events.json'), 'utf8')) as ReleasedEvents;

describe('event schema compatibility', () => {
  test('no released event version has changed incompatibly', () => {
    expect(incompatibilities(released, currentRelease(PLATFORM_EVENT_CATALOGUES))).toEqual([]);
  });

  test('every event version the services publish has been released (npm run events:release)', () => {
    const unreleased = Object.keys(currentRelease(PLATFORM_EVENT_CATALOGUES)).filter((key) => !(key in released));
    expect(unreleased).toEqual([]);
  });

  const catalogue = (schema: z.ZodType): EventCatalogue => ({
    service: 'svc',
    title: 'Svc',
    aggregates: [
      { aggregate: 'thing', description: 'A thing', events: { ThingHappened: eventDefinition(schema, { summary: 's', example: {} }) } },
    ],
  });
  const v1 = z.object({ id: z.string(), colour: z.enum(['red', 'blue']), note: z.string().optional() });
  const check = (next: z.ZodType) => incompatibilities(currentRelease([catalogue(v1)]), currentRelease([catalogue(next)]));

  test.each([
    ['a removed field', z.object({ colour: z.enum(['red', 'blue']), note: z.string().optional() }), 'svc/ThingHappened.v1.id: removed'],
    [
      'a changed type',
      z.object({ id: z.number(), colour: z.enum(['red', 'blue']), note: z.string().optional() }),
      'svc/ThingHappened.v1.id: type changed',
    ],
    [
      'a new enum value',
      z.object({ id: z.string(), colour: z.enum(['red', 'blue', 'green']), note: z.string().optional() }),
      'svc/ThingHappened.v1.colour: enum changed',
    ],
    [
      'a newly required field',
      z.object({ id: z.string(), colour: z.enum(['red', 'blue']), note: z.string() }),
      'svc/ThingHappened.v1.note: newly required',
    ],
    [
      'a new required field',
      z.object({ id: z.string(), colour: z.enum(['red', 'blue']), note: z.string().optional(), size: z.number() }),
      'svc/ThingHappened.v1.size: newly required',
    ],
    [
      'a field made optional',
      z.object({ id: z.string().optional(), colour: z.enum(['red', 'blue']), note: z.string().optional() }),
      'svc/ThingHappened.v1.id: no longer always present',
    ],
  ])('%s is refused without a new version', (_what, next, problem) => {
    expect(check(next).join('\n')).toContain(problem);
  });

  test('an added optional field and new documentation are compatible', () => {
    expect(check(v1.extend({ size: z.number().optional(), id: z.string().describe('the thing') }))).toEqual([]);
  });

  test('a released version that disappears is refused', () => {
    expect(incompatibilities(currentRelease([catalogue(v1)]), {})).toEqual(['svc/ThingHappened.v1: a released version is gone']);
  });

  test('a new version keeps the released one (it stays readable and is upcast)', () => {
    const v2 = z.object({ id: z.string(), colour: z.enum(['red', 'blue', 'green']) });
    const evolved: EventCatalogue = {
      ...catalogue(v1),
      aggregates: [
        {
          aggregate: 'thing',
          description: 'A thing',
          events: {
            ThingHappened: eventDefinition(v2, {
              summary: 's',
              example: { id: 'a', colour: 'green' },
              past: [{ schema: v1, upcast: (d) => d }],
            }),
          },
        },
      ],
    };
    expect(incompatibilities(currentRelease([catalogue(v1)]), currentRelease([evolved]))).toEqual([]);
    expect(Object.keys(currentRelease([evolved]))).toEqual(['svc/ThingHappened.v1', 'svc/ThingHappened.v2']);
  });
});
