import { Processor } from '@nestjs/bullmq';
import { QueueProcessor } from './queue-processor';

@Processor('system')
export class SystemQueueProcessor extends QueueProcessor {}
