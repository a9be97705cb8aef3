import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ProgramMetricsService, type ProgramMetricsCsv } from '@app/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators.js';

/** Refusals in plain words, without a hint of the data. */
const REFUSALS: Record<Exclude<ProgramMetricsCsv['status'], 'OK'>, { code: number; text: string }> = {
  FORGED: { code: 403, text: 'This link is not valid.' },
  REVOKED: { code: 403, text: 'This link was made for someone who may no longer see these figures.' },
  EXPIRED: { code: 410, text: 'This link has expired. Open the metrics again for a new one.' },
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * GET /programs/<id>/metrics.csv?by=…&expires=…&signature=…: the signed link of
 * ProgramMetrics.csvUrl. A browser opens it without credentials, so the signature is the credential.
 */
@Public()
@Controller('programs')
export class ProgramMetricsCsvController {
  constructor(private readonly metrics: ProgramMetricsService) {}

  @Get(':programId/metrics.csv')
  async csv(
    @Param('programId') programId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result = await this.metrics.csv({
      programId,
      userId: text(query.by) ?? '',
      expires: text(query.expires),
      signature: text(query.signature),
    });
    reply.header('cache-control', 'private, no-store');
    if (result.status !== 'OK') {
      const refusal = REFUSALS[result.status];
      await reply.code(refusal.code).type('text/plain; charset=utf-8').send(refusal.text);
      return;
    }
    await reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${result.fileName}"`)
      .send(result.body);
  }
}
