import { Injectable } from '@nestjs/common';
import {
  assertId,
  checkPageSize,
  decodeCursor,
  DomainError,
  isUuid,
  parseInput,
  toPage,
  UnitOfWork,
  type Page,
  type PageArgs,
} from '@app/platform';
import { DataSource } from 'typeorm';
import { AccountRolesService } from '../accounts/account-roles.service.js';
import { REVIEW_COLUMNS, ReviewVisibility, visibleToViewerSql, type ReportedReview, type Review } from './review.js';
import { moderationReasonSchema, reportReasonSchema } from './review.inputs.js';
import { ReviewTransitionsService } from './review-transitions.service.js';

/** Reports from anyone signed in, and the administrators who act on them. */
@Injectable()
export class ReviewModerationService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly roles: AccountRolesService,
    private readonly transitions: ReviewTransitionsService,
  ) {}

  /** Reports a review the caller can read, once per person. */
  async report(reporterId: string, id: string, rawReason: string): Promise<true> {
    const reason = parseInput(reportReasonSchema, rawReason, 'reason');
    assertId(id, 'Review');
    const [review] = await this.db.query<Review[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1 AND ${visibleToViewerSql('$2')}`,
      [id, reporterId],
    );
    if (!review) throw DomainError.notFound('Review');
    if (review.authorId === reporterId) throw DomainError.forbidden('You cannot report your own review');
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO review_reports (review_id, reporter_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT (review_id, reporter_id) DO NOTHING RETURNING 1`,
      [review.id, reporterId, reason],
    );
    if (inserted.length === 0) throw DomainError.conflict('You already reported this review');
    return true;
  }

  /** An administrator takes a published review out of sight (and out of every aggregate). */
  hide(adminId: string, id: string, reason: string): Promise<Review> {
    return this.act(adminId, id, reason, ReviewVisibility.HIDDEN);
  }

  /** An administrator puts a hidden review back. */
  restore(adminId: string, id: string, reason: string): Promise<Review> {
    return this.act(adminId, id, reason, ReviewVisibility.PUBLISHED);
  }

  /** Reviews with open reports, most reported first, then the longest waiting. Administrators only. */
  async queue(adminId: string, args: PageArgs): Promise<Page<ReportedReview>> {
    await this.roles.assertAdmin(adminId);
    const first = checkPageSize(args.first);
    const params: unknown[] = [];
    let keyset = '';
    if (args.after) {
      const [count, oldest, id] = decodeCursor(args.after, 3);
      if (!Number.isInteger(count) || !/^\d{1,18}$/.test(String(oldest)) || !isUuid(String(id))) {
        throw DomainError.badInput('after', 'after is not a cursor this list issued');
      }
      params.push(count, oldest, id);
      keyset = `WHERE (q."reportCount" < $1 OR (q."reportCount" = $1 AND (q.oldest, q.id) > ($2::bigint, $3::uuid)))`;
    }
    const open = `
      SELECT ${REVIEW_COLUMNS}, o.count AS "reportCount", o.oldest
        FROM (SELECT review_id, count(*)::int AS count,
                     (extract(epoch FROM min(created_at)) * 1000000)::bigint AS oldest
                FROM review_reports WHERE resolved_at IS NULL GROUP BY review_id) o
        JOIN reviews r ON r.id = o.review_id`;
    const [rows, counts] = await Promise.all([
      this.db.query<Array<ReportedReview & { oldest: string }>>(
        `SELECT * FROM (${open}) q ${keyset} ORDER BY q."reportCount" DESC, q.oldest ASC, q.id ASC LIMIT ${first + 1}`,
        params,
      ),
      this.db.query<Array<{ total: number }>>(
        `SELECT count(DISTINCT review_id)::int AS total FROM review_reports WHERE resolved_at IS NULL`,
      ),
    ]);
    return toPage(rows, first, counts[0]?.total ?? 0, (row) => [row.reportCount, row.oldest, row.id]);
  }

  /** Open reports per review, for administrators' eyes, in the order asked. */
  async openReportCounts(ids: readonly string[]): Promise<number[]> {
    const rows = await this.db.query<Array<{ id: string; count: number }>>(
      `SELECT review_id AS id, count(*)::int AS count FROM review_reports
        WHERE review_id = ANY($1::uuid[]) AND resolved_at IS NULL GROUP BY review_id`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, row.count]));
    return ids.map((id) => byId.get(id) ?? 0);
  }

  /** Moves the review with the administrator and reason on its audit row; its open reports are settled. */
  private async act(adminId: string, id: string, rawReason: string, to: ReviewVisibility): Promise<Review> {
    await this.roles.assertAdmin(adminId);
    const reason = parseInput(moderationReasonSchema, rawReason, 'reason');
    assertId(id, 'Review');
    return this.uow.run(async (tx) => {
      const [review] = await tx.manager.query<Review[]>(
        `SELECT ${REVIEW_COLUMNS} FROM reviews r WHERE r.id = $1 FOR UPDATE`,
        [id],
      );
      if (!review) throw DomainError.notFound('Review');
      const moved = await this.transitions.move(tx, review, adminId, to, reason);
      await tx.manager.query(
        `UPDATE review_reports SET resolved_at = now() WHERE review_id = $1 AND resolved_at IS NULL`,
        [id],
      );
      return moved;
    });
  }
}
