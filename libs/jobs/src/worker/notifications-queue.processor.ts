import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from './queue-processor';

/** Broadcast circles and e-mails: their own queue, so a slow SMTP relay never holds up other work. */
@Processor('notifications')
export class NotificationsQueueProcessor extends QueueProcessor {}
