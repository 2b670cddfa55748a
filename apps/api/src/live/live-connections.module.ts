import { Module } from '@nestjs/common';
import { ClockModule } from '#application';
import { SessionRevocationModule } from '#jobs';
import { AccessTokenModule } from '../auth/access-token.module';
import { LiveConnections } from './live-connections.service';

/** The GraphQL WebSockets of this instance: who is behind each, until when, and closing those whose session ends. */
@Module({
  imports: [AccessTokenModule, ClockModule, SessionRevocationModule],
  providers: [LiveConnections],
  exports: [LiveConnections],
})
export class LiveConnectionsModule {}
