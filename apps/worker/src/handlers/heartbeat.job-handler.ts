import { Injectable } from '@nestjs/common';
import { AnswerHeartbeat, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

@Injectable()
@HandlesJob('system.heartbeat')
export class HeartbeatJobHandler implements JobHandler<'system.heartbeat'> {
  constructor(private readonly answerHeartbeat: AnswerHeartbeat) {}

  handle(payload: JobPayloads['system.heartbeat']): Promise<void> {
    return this.answerHeartbeat.execute(payload);
  }
}
