import { Injectable } from '@nestjs/common';
import {
  assertId,
  DomainError,
  isUuid,
  keysetPage,
  parseInput,
  UnitOfWork,
  UnsafeWebhookTargetError,
  WebhookTransport,
  type Page,
  type PageArgs,
} from '@app/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProgramQueriesService } from '../programs/program-queries.service.js';
import { PROGRAM_WEBHOOK_EVENTS } from './webhook-event.js';
import { WebhookSecretBoxService } from './webhook-secret-box.service.js';
import { WEBHOOK_COLUMNS, type Webhook } from './webhook.js';
import { MAX_WEBHOOKS_PER_USER, webhookInputSchema, type WebhookInput } from './webhooks.inputs.js';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export interface CreatedWebhook {
  webhook: Webhook;
  /** Shown once: the owner verifies signatures with it. */
  secret: string;
}

/** Registering webhooks: only their owner ever sees or changes one (to anyone else it does not exist). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly transport: WebhookTransport,
    private readonly secretBox: WebhookSecretBoxService,
    private readonly programs: ProgramQueriesService,
  ) {}

  async create(ownerId: string, raw: WebhookInput): Promise<CreatedWebhook> {
    const input = await this.validate(ownerId, raw);
    const secret = this.newSecret();
    const sealed = await this.secretBox.seal(secret);
    const webhook = await this.uow.run(async (tx) => {
      // One creation per owner at a time, so parallel creates cannot all pass the cap.
      await tx.manager.query(`SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`, [ownerId]);
      const [{ count }] = await tx.manager.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM webhooks WHERE user_id = $1`,
        [ownerId],
      );
      if (count >= MAX_WEBHOOKS_PER_USER) {
        throw DomainError.conflict(`At most ${MAX_WEBHOOKS_PER_USER} webhooks; delete one first`);
      }
      const rows = await tx.manager.query<Webhook[]>(
        `INSERT INTO webhooks AS w (user_id, url, events, description, secret_sealed, program_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
        [ownerId, input.url, input.events, input.description ?? null, sealed, input.programId ?? null],
      );
      return rows[0];
    });
    return { webhook, secret };
  }

  /** Replaces the settings; saving a disabled webhook turns it back on (its pending deliveries resume). */
  async update(ownerId: string, id: string, raw: WebhookInput): Promise<Webhook> {
    assertId(id, 'Webhook');
    const input = await this.validate(ownerId, raw);
    return this.owned(
      `UPDATE webhooks w SET url = $3, events = $4, description = $5, program_id = $6, enabled = true,
              disabled_reason = NULL, failing_since = NULL, updated_at = now()
        WHERE w.id = $1 AND w.user_id = $2 RETURNING ${WEBHOOK_COLUMNS}`,
      [id, ownerId, input.url, input.events, input.description ?? null, input.programId ?? null],
    );
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    assertId(id, 'Webhook');
    await this.owned(`DELETE FROM webhooks w WHERE w.id = $1 AND w.user_id = $2 RETURNING ${WEBHOOK_COLUMNS}`, [
      id,
      ownerId,
    ]);
    return true;
  }

  /** A new secret, shown once; the old one stops signing at once. */
  async rotateSecret(ownerId: string, id: string): Promise<CreatedWebhook> {
    assertId(id, 'Webhook');
    const secret = this.newSecret();
    const webhook = await this.owned(
      `UPDATE webhooks w SET secret_sealed = $3, updated_at = now() WHERE w.id = $1 AND w.user_id = $2
       RETURNING ${WEBHOOK_COLUMNS}`,
      [id, ownerId, await this.secretBox.seal(secret)],
    );
    return { webhook, secret };
  }

  list(ownerId: string, args: PageArgs): Promise<Page<Webhook>> {
    return keysetPage<Webhook>(this.db, {
      columns: WEBHOOK_COLUMNS,
      from: 'webhooks w',
      where: 'w.user_id = $1',
      params: [ownerId],
      sortColumn: 'w.created_at',
      idColumn: 'w.id',
      args,
    });
  }

  /** For consumers (the notification policy): a webhook by id, whoever owns it. */
  async findById(id: string): Promise<Webhook | null> {
    if (!isUuid(id)) return null;
    const rows = await this.db.query<Webhook[]>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Runs an UPDATE or DELETE of one owner's webhook; to anyone else it does not exist. */
  private async owned(sql: string, params: unknown[]): Promise<Webhook> {
    // TypeORM answers an UPDATE or DELETE with [rows, affected count].
    const [rows] = await this.db.query<[Webhook[], number]>(sql, params);
    const webhook = rows[0];
    if (!webhook) throw DomainError.notFound('Webhook');
    return webhook;
  }

  private async validate(ownerId: string, raw: WebhookInput) {
    const input = parseInput(webhookInputSchema, raw, 'input');
    const forProgram = input.programId !== null && input.programId !== undefined;
    if (forProgram && !isUuid(input.programId!)) {
      throw DomainError.badInput('input.programId', 'input.programId: is not a program id');
    }
    // A program's webhook hears that program's events, and a person's webhook never does: each only what it can receive.
    const misplaced = input.events.findIndex((event) => PROGRAM_WEBHOOK_EVENTS.includes(event) !== forProgram);
    if (misplaced >= 0) {
      const field = `input.events[${misplaced}]`;
      throw DomainError.badInput(
        field,
        forProgram
          ? `${field}: a program's webhook receives only ${PROGRAM_WEBHOOK_EVENTS.join(', ')}`
          : `${field}: ${input.events[misplaced]} needs a programId`,
      );
    }
    if (forProgram) await this.programs.assertAdminOrNotFound(ownerId, input.programId!);
    try {
      await this.transport.check(input.url);
    } catch (error) {
      if (error instanceof UnsafeWebhookTargetError)
        throw DomainError.badInput('input.url', `input.url: ${error.message}`);
      throw error;
    }
    return input;
  }

  private newSecret(): string {
    return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  }
}
