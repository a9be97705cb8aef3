import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { CalendarFeedService } from '@app/domain';
import { Public } from '../auth/access.decorators.js';

/**
 * GET /calendar/<token>.ics: the secret URL is the credential (calendar apps send no other).
 * An unknown or rotated token is a plain 404.
 */
@Public()
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  async feed(@Param('file') file: string): Promise<string> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    const calendar = token ? await this.feeds.render(token) : null;
    if (calendar === null) throw new NotFoundException();
    return calendar;
  }
}
