import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';

/**
 * Every NATS client of the platform reconnects for ever: an outage of any length heals by itself
 * once the server is back. Publishes while disconnected are buffered only briefly.
 */
export const resilientNatsOptions = (servers: string, name: string): ConnectionOptions => ({
  servers: servers.split(','),
  name,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 250,
  reconnectJitter: 100,
  waitOnFirstConnect: true,
  pingInterval: 5000,
  maxPingOut: 2,
});

/** Follows a connection's status, so readiness can answer at once instead of timing out on a flush. */
export class NatsStatusWatch {
  private connected = true;

  constructor(private readonly nc: NatsConnection) {
    void this.follow();
  }

  get isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  get isClosed(): boolean {
    return this.nc.isClosed();
  }

  async check(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection closed');
    if (!this.connected) throw new Error('NATS disconnected; reconnecting');
    await this.nc.flush();
  }

  private async follow(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    }
    this.connected = false;
  }
}
