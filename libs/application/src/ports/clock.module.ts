import { Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.port';

/** The wall clock, for every module whose use cases ask what time it is (tests override Clock). */
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}
