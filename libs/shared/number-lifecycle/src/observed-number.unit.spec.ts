import { EventContractError } from '@tnp/kernel';
import { inventoryFactOf, observeInventory } from './observed-number';

const received = (type: string, data: unknown, version = 1) => ({ type, version, data, streamrevision: 4 });
const allocated = { number: '+442071230001', siteId: 'lon-1', owner: { type: 'occupier', occupierId: 'acme' }, isMain: true, ext: '001' };

describe('inventory events as downstream contexts receive them', () => {
  test('an event of the number aggregate comes typed, with its stream revision, and folds into the observed number', () => {
    const fact = inventoryFactOf(received('NumberAllocated', allocated));
    expect(fact).toEqual({ type: 'NumberAllocated', data: allocated, revision: 4 });
    expect(observeInventory(null, fact!)).toEqual({
      siteId: 'lon-1',
      owner: { type: 'occupier', occupierId: 'acme' },
      status: 'RESERVED',
      isMain: true,
      ext: '001',
      inventoryRevision: 4,
    });
  });

  test('events of other aggregates and types this build does not know are ignored', () => {
    expect(inventoryFactOf(received('MainNumberClaimed', { siteId: 'lon-1', owner: { type: 'operator' }, number: '+1' }))).toBeUndefined();
    expect(inventoryFactOf(received('NumberTeleported', { number: '+1' }))).toBeUndefined();
  });

  test('data that breaks number-inventory’s published schema is refused with what is wrong', () => {
    expect(() => inventoryFactOf(received('NumberAllocated', { ...allocated, owner: undefined }))).toThrow(EventContractError);
    expect(() => inventoryFactOf(received('NumberAllocated', { ...allocated, isMain: 'yes' }))).toThrow(/isMain/);
  });
});
