import type { CommandMetadata } from '@tnp/kernel';
import { numbersToAllocateWithVoiceServices, voiceServicesDecider, type VoiceServicesCommand } from './voice-services.decider';

const metadata: CommandMetadata = {
  commandId: 'c',
  now: '2026-03-01T09:00:00Z',
  principal: { id: 'op', role: 'operator' },
  correlationId: 'c',
};
const at = { siteId: 'lon-1', occupierId: 'acme' };
const decide = (type: VoiceServicesCommand['type'], active: boolean) =>
  voiceServicesDecider.decide({ type, data: at, metadata } as VoiceServicesCommand, { active }, undefined);

describe('voice services', () => {
  test('added once, removed once; either again changes nothing', () => {
    expect(decide('AddVoiceServices', false)).toEqual([{ type: 'OccupierVoiceServicesAdded', data: at }]);
    expect(decide('AddVoiceServices', true)).toEqual([]);
    expect(decide('RemoveVoiceServices', true)).toEqual([{ type: 'OccupierVoiceServicesRemoved', data: at }]);
    expect(decide('RemoveVoiceServices', false)).toEqual([]);
  });

  test('an occupier with no numbers reserved at the site gets the numbers asked for; one with some gets none', () => {
    expect(numbersToAllocateWithVoiceServices(0, 1)).toBe(1);
    expect(numbersToAllocateWithVoiceServices(0, 5)).toBe(5);
    expect(numbersToAllocateWithVoiceServices(2, 5)).toBe(0);
  });
});
