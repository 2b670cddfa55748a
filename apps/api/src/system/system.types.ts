import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('HeartbeatRequest', { description: 'A heartbeat sent through the job queue; the worker answers on the heartbeat subscription.' })
export class HeartbeatRequestType {
  @Field(() => ID) requestId!: string;
  @Field() requestedAt!: Date;
}

@ObjectType('Heartbeat', { description: "The worker's answer to a heartbeat: proves queue, worker and live events all work." })
export class HeartbeatType {
  @Field(() => ID) requestId!: string;
  @Field() requestedAt!: Date;
  @Field() processedAt!: Date;
  @Field({ description: 'host:pid of the worker process that handled it.' }) processedBy!: string;
}
