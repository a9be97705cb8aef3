import { Global, Module } from '@nestjs/common';
import { JobScheduler } from './job-scheduler.js';
import { QueueRegistry } from './queue-registry.js';

@Global()
@Module({ providers: [QueueRegistry, JobScheduler], exports: [QueueRegistry, JobScheduler] })
export class QueueModule {}
