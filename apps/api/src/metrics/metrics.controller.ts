import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/access.decorators.js';
import { MetricsService } from './metrics.service.js';

@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
