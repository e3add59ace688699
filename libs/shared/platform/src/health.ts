export type ReadinessCheck = { readonly name: string; readonly check: () => Promise<void> };

export type ReadinessReport = { readonly ready: boolean; readonly checks: Record<string, 'ok' | string> };

/** Readiness asks each dependency; liveness asks nothing, so a slow database never restarts pods. */
export class HealthChecks {
  private readonly checks: ReadinessCheck[] = [];
  private readonly vital: Array<{ name: string; alive: () => boolean }> = [];
  private shuttingDown = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** Something that, once dead, never comes back without a restart (a connection that gave up). */
  registerVital(name: string, alive: () => boolean): void {
    this.vital.push({ name, alive });
  }

  liveness(): ReadinessReport {
    const checks = Object.fromEntries(this.vital.map((v) => [v.name, v.alive() ? 'ok' : 'dead: restart the process']));
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(timeoutMs = 2000): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref()),
          ]);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    if (this.shuttingDown) checks['shutdown'] = 'shutting down';
    return { ready: !this.shuttingDown && results.every(([, r]) => r === 'ok'), checks };
  }
}
