import type { NatsConnection } from '@nats-io/transport-node';
import { PlatformError, type Reply } from '@tnp/kernel';

type ExtensionList = { readonly extensions: readonly { readonly extensionId: string; readonly assignee: { readonly userId: string } }[] };

/** extension-device keeps the occupier's extensions: a "user" destination rings one of the user's. */
export class ExtensionDirectory {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly timeoutMs = 5000,
  ) {}

  async extensionsOf(occupierId: string, userId: string): Promise<string[]> {
    const subject = `${this.prefix ? `${this.prefix}.` : ''}qry.extension-device.list-extensions`;
    let reply: Reply<ExtensionList>;
    try {
      const message = await this.nc.request(
        subject,
        JSON.stringify({ principal: { id: 'assignment', role: 'system' }, data: { occupierId } }),
        {
          timeout: this.timeoutMs,
        },
      );
      reply = message.json<Reply<ExtensionList>>();
    } catch (error) {
      throw new PlatformError('UNAVAILABLE', `extension-device did not answer: ${(error as Error).message}`);
    }
    if (!reply.ok) throw new PlatformError(reply.error.code, `extension-device: ${reply.error.message}`);
    return reply.value.extensions.filter((e) => e.assignee.userId === userId).map((e) => e.extensionId);
  }
}
