import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from './queue-processor';

/** Offer housekeeping (the expiry sweep): short jobs that must not wait behind e-mails. */
@Processor('offers')
export class OffersQueueProcessor extends QueueProcessor {}
