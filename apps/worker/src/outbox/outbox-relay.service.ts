import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DispatchOutbox } from '#application';

const IDLE_POLL_MS = 250;
const MAX_BACKOFF_MS = 5000;

/**
 * Hands committed outbox rows to the queue, continuously. Every worker runs one; rows are locked
 * with SKIP LOCKED, so adding workers adds throughput, never duplicates.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private failing = false;

  constructor(private readonly dispatchOutbox: DispatchOutbox) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick(delayMs);
    }, delayMs);
  }

  private async tick(previousDelayMs: number): Promise<void> {
    try {
      const sent = await this.dispatchOutbox.execute();
      if (this.failing) this.logger.log('outbox relay working again');
      this.failing = false;
      // A full batch means more may be waiting: go on at once.
      this.schedule(sent > 0 ? 0 : IDLE_POLL_MS);
    } catch (error) {
      if (!this.failing) this.logger.error(`outbox relay failed (${error instanceof Error ? error.message : String(error)}); retrying with backoff`);
      this.failing = true;
      this.schedule(Math.min(Math.max(previousDelayMs * 2, IDLE_POLL_MS), MAX_BACKOFF_MS));
    }
  }
}
