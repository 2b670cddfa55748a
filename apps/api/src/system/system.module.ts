import { Module } from '@nestjs/common';
import { RequestHeartbeat } from '#application';
import { SystemResolver } from './system.resolver';

@Module({ providers: [SystemResolver, RequestHeartbeat] })
export class SystemModule {}
