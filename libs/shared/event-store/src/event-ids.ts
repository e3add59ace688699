import { createHash } from 'node:crypto';

/**
 * Event ids derived from the command id: a command retried after a lost reply produces the same
 * ids, so the store recognises the append as already done.
 */
export const deterministicEventId = (commandId: string, streamId: string, index: number): string => {
  const hash = createHash('sha256').update(`${commandId}\u0000${streamId}\u0000${index}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
