import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10000;

/**
 * Connects to PostgreSQL without blocking start-up: if the database is down the process still
 * starts, readiness says so, one clear log line is written per state change, and the connection
 * is retried with backoff until it comes back. Once connected, the pg pool replaces broken
 * connections by itself.
 */
@Injectable()
export class DatabaseConnector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastFailure: string | undefined;
  private connecting: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.connecting = this.connect(FIRST_RETRY_MS);
  }

  /** Resolves once connected; used by processes (the worker, migrations) that cannot work without it. */
  async whenConnected(): Promise<void> {
    while (!this.dataSource.isInitialized && !this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get isConnected(): boolean {
    return this.dataSource.isInitialized;
  }

  private async connect(nextDelayMs: number): Promise<void> {
    if (this.stopped || this.dataSource.isInitialized) return;
    try {
      await this.dataSource.initialize();
      if (this.lastFailure !== undefined) this.logger.log('database reachable again');
      this.lastFailure = undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (reason !== this.lastFailure) {
        this.logger.error(`database unreachable (${reason}); retrying until it is back, readiness is false meanwhile`);
        this.lastFailure = reason;
      }
      this.retryTimer = setTimeout(() => {
        void this.connect(Math.min(nextDelayMs * 2, MAX_RETRY_MS));
      }, nextDelayMs);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
