import { assignmentEvents } from '@tnp/assignment-contracts';
import { callFlowCatalogue } from '@tnp/call-flow-contracts';
import { extensionDeviceEvents } from '@tnp/extension-device-contracts';
import { faxEvents } from '@tnp/fax-contracts';
import type { EventCatalogue } from '@tnp/kernel';
import { numberInventoryEvents } from '@tnp/number-inventory-contracts';

/** Every service's published events: the AsyncAPI document, the JSON Schemas and the compatibility check come from this list. */
export const PLATFORM_EVENT_CATALOGUES: readonly EventCatalogue[] = [
  numberInventoryEvents,
  assignmentEvents,
  faxEvents,
  extensionDeviceEvents,
  callFlowCatalogue,
];
