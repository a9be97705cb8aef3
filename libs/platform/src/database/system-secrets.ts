import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Secrets every process of one deployment must share but nobody configured (development
 * and tests without JWT_SECRET). The first process to ask makes one at random; the insert
 * loses quietly to a parallel starter, and everyone reads back the row that won.
 */
@Injectable()
export class SystemSecrets {
  constructor(private readonly db: DataSource) {}

  async obtain(name: string): Promise<string> {
    await this.db.query(`INSERT INTO system_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    const rows = await this.db.query<Array<{ value: string }>>(`SELECT value FROM system_secrets WHERE name = $1`, [
      name,
    ]);
    const value = rows[0]?.value;
    if (!value) throw new Error(`system secret ${name} could not be stored`);
    return value;
  }
}
