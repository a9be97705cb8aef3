import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { DataSource } from 'typeorm';
import { adminProgram } from './program-access.js';
import { ProgramFiguresService } from './program-figures.service.js';
import { programMetricsCsv } from './program-metrics-csv.js';
import { ProgramMetricsLinkService, type ProgramMetricsLink } from './program-metrics-link.service.js';
import type { ProgramMetrics } from './program-metrics.js';

/** A metrics CSV download: the file, or why the link opens nothing. */
export type ProgramMetricsCsv =
  | { status: 'OK'; fileName: string; body: string }
  /** Not a link we signed, or one changed since. */
  | { status: 'FORGED' }
  | { status: 'EXPIRED' }
  /** Signed for someone who is no longer an admin of the program. */
  | { status: 'REVOKED' };

/** Program.metrics and its CSV export, for the program's admins only. */
@Injectable()
export class ProgramMetricsService {
  constructor(
    private readonly db: DataSource,
    private readonly figures: ProgramFiguresService,
    private readonly links: ProgramMetricsLinkService,
  ) {}

  /** Strangers: NOT_FOUND; members who are not admins: FORBIDDEN. */
  async metrics(userId: string, programId: string): Promise<ProgramMetrics> {
    await adminProgram(this.db.manager, userId, programId);
    return { ...(await this.figures.of(programId)), csvUrl: this.links.urlFor(programId, userId) };
  }

  /** The admin the link was signed for must still be one when it is opened. */
  async csv(link: ProgramMetricsLink, now: Date = new Date()): Promise<ProgramMetricsCsv> {
    const check = this.links.check(link, now);
    if (check !== 'VALID') return { status: check };
    try {
      const program = await adminProgram(this.db.manager, link.userId, link.programId);
      const body = programMetricsCsv(program.name, await this.figures.of(program.id, now));
      return { status: 'OK', fileName: `program-metrics-${now.toISOString().slice(0, 10)}.csv`, body };
    } catch (error) {
      if (error instanceof DomainError) return { status: 'REVOKED' };
      throw error;
    }
  }
}
