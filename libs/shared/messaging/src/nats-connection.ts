import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { NatsCredentials } from './nats-credentials';

/**
 * Every NATS client of the platform reconnects for ever: an outage of any length heals by itself
 * once the server is back. Publishes while disconnected are buffered only briefly. With
 * credentials, replies come to an inbox of the user's own (`_INBOX.<user>`), the only inbox its
 * permissions let it subscribe to (ADR 0015); a wrong password fails the first connect at once.
 */
export const resilientNatsOptions = (servers: string, name: string, credentials?: NatsCredentials): ConnectionOptions => ({
  servers: servers.split(','),
  name,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 250,
  reconnectJitter: 100,
  waitOnFirstConnect: true,
  pingInterval: 5000,
  maxPingOut: 2,
  // Each request (every JetStream publish) otherwise captures a stack trace up front, for a timeout
  // that rarely comes: a CPU profile of the relay showed it as 16% of its time.
  noAsyncTraces: true,
  ...(credentials ? { user: credentials.user, pass: credentials.password, inboxPrefix: natsInboxPrefix(credentials.user) } : {}),
});

/** The inbox prefix of a user's connections: the permissions let each user subscribe to its own only. */
export const natsInboxPrefix = (user: string): string => `_INBOX.${user}`;

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
