import { startServiceHarness, type HarnessOptions, type ServiceHarness } from '@tnp/testing';
import { numberInventoryService } from '../src/number-inventory.app';

export type Harness = ServiceHarness;

export const startHarness = (label: string, options: Omit<HarnessOptions, 'label'> = {}): Promise<Harness> =>
  startServiceHarness(numberInventoryService, { label, ...options });
