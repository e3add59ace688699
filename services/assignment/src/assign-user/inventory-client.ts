import type { NatsConnection } from '@nats-io/transport-node';
import type { Reply } from '@tnp/kernel';

/** number-inventory guards the lifecycle: assignment asks it to mark numbers assigned and unassigned. */
export class InventoryClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs = 10_000,
  ) {}

  markAssigned(commandId: string, data: { siteId: string; number: string; userId: string }): Promise<Reply> {
    return this.send('mark-number-assigned', commandId, data);
  }

  markUnassigned(commandId: string, data: { siteId: string; number: string }): Promise<Reply> {
    return this.send('mark-number-unassigned', commandId, data);
  }

  private async send(name: string, commandId: string, data: unknown): Promise<Reply> {
    const subject = `${this.prefix ? `${this.prefix}.` : ''}cmd.number-inventory.${name}`;
    try {
      const message = await this.nc.request(subject, JSON.stringify({ commandId, principal: { id: 'assignment', role: 'system' }, data }), {
        timeout: this.timeoutMs,
      });
      return message.json<Reply>();
    } catch (error) {
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: `number-inventory did not answer: ${(error as Error).message}`, retryable: true },
      };
    }
  }
}
