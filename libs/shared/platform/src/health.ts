export type ReadinessCheck = { readonly name: string; readonly check: () => Promise<void> };

export type ReadinessReport = { readonly ready: boolean; readonly checks: Record<string, 'ok' | string> };

/** Readiness asks each dependency; liveness asks nothing, so a slow database never restarts pods. */
export class HealthChecks {
  private readonly checks: ReadinessCheck[] = [];
  private shuttingDown = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
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
