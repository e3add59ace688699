import type { Subscription } from './event-store.port';

/** The subscriptions an adapter has open, so close() can stop them all. */
export class SubscriptionSet {
  private readonly open = new Set<Subscription>();

  track(subscription: Subscription): Subscription {
    this.open.add(subscription);
    return {
      stop: async () => {
        this.open.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const all = [...this.open];
    this.open.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
