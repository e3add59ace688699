import { SERVICE } from './common.schemas';

export const NumberInventoryCommands = {
  provisionNumbers: 'provision-numbers',
  allocateNumber: 'allocate-number',
  allocateNumbers: 'allocate-numbers',
  addVoiceServices: 'add-voice-services',
  removeVoiceServices: 'remove-voice-services',
  deallocateNumber: 'deallocate-number',
  activateNumber: 'activate-number',
  deactivateNumber: 'deactivate-number',
  nominateMainNumber: 'nominate-main-number',
  removeMainNumberNomination: 'remove-main-number-nomination',
  lockNumber: 'lock-number',
  unlockNumber: 'unlock-number',
  markNumberAssigned: 'mark-number-assigned',
  markNumberUnassigned: 'mark-number-unassigned',
  configureSite: 'configure-site',
  nameOccupier: 'name-occupier',
  bulkChange: 'bulk-change',
  importNumbers: 'import-numbers',
} as const;

export const NumberInventoryQueries = {
  listSiteNumbers: 'list-site-numbers',
  exportSiteNumbers: 'export-site-numbers',
  listOccupierNumbers: 'list-occupier-numbers',
  getNumber: 'get-number',
  occupierSites: 'occupier-sites',
  numberHistory: 'number-history',
  numberStateAt: 'number-state-at',
  voiceServices: 'voice-services',
} as const;

export type NumberInventoryCommandName = (typeof NumberInventoryCommands)[keyof typeof NumberInventoryCommands];
export type NumberInventoryQueryName = (typeof NumberInventoryQueries)[keyof typeof NumberInventoryQueries];

/** A prefix lets several isolated deployments (or test suites) share one NATS server. */
const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);

export const commandSubject = (name: NumberInventoryCommandName, prefix = ''): string => withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const querySubject = (name: NumberInventoryQueryName, prefix = ''): string => withPrefix(prefix, `qry.${SERVICE}.${name}`);
export const eventSubject = (aggregate: string, eventType: string, prefix = ''): string =>
  withPrefix(prefix, `evt.${SERVICE}.${aggregate}.${eventType}`);
export const eventSubjectWildcard = (prefix = ''): string => withPrefix(prefix, `evt.${SERVICE}.>`);
