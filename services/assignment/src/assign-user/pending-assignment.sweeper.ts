import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandMetadata } from '@tnp/kernel';
import type { Logger } from '@tnp/platform';
import type { BackgroundWorker } from '@tnp/service-runtime';
import { ASSIGNMENT_SCHEMA } from '../read-model/read-model.entities';
import type { AssignUserHandler } from './assign-user.handler';

/**
 * Finishes user assignments whose handler died between asking for the assignment and hearing
 * number-inventory's answer: it sends the same inventory command again (inventory runs it once)
 * and settles the request with the answer.
 */
export const pendingAssignmentSweeper = (
  orm: MikroORM,
  assignments: AssignUserHandler,
  logger: Logger,
  options: { intervalMs?: number; olderThanMs?: number; clock?: () => Date } = {},
): BackgroundWorker => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const clock = options.clock ?? (() => new Date());
  const sweep = async (): Promise<void> => {
    const rows = await orm.em
      .fork()
      .execute<{ number: string }[]>(`SELECT number FROM ${ASSIGNMENT_SCHEMA}.occupier_numbers WHERE pending LIMIT 500`);
    for (const { number } of rows) {
      const request = await assignments.pendingRequest(number);
      if (!request || clock().getTime() - Date.parse(request.requestedAt) < (options.olderThanMs ?? 10_000)) continue;
      const metadata: CommandMetadata = {
        commandId: `sweep:${request.eventId}`,
        now: clock().toISOString(),
        principal: { id: 'assignment-sweeper', role: 'system' },
        correlationId: request.eventId,
      };
      await assignments
        .drive(request, metadata)
        .catch((error: unknown) => logger.info({ err: error, number }, 'pending assignment settled as refused or still waiting'));
    }
  };
  return {
    name: 'pending-assignment-sweeper',
    start: () => {
      timer = setInterval(() => {
        running = running.then(sweep).catch((error: unknown) => logger.warn({ err: error }, 'pending-assignment sweep failed'));
      }, options.intervalMs ?? 15_000);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
