import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, openSecret, sealSecret, SystemSecrets, type Config } from '@app/platform';

const GENERATED_KEY = 'webhook-secret-key';

/**
 * Seals webhook signing secrets at rest under WEBHOOK_SECRET_KEY. Without one (development,
 * tests) every process of the deployment shares a random key kept in the database: no key
 * that could open stored secrets ever sits in the repository.
 */
@Injectable()
export class WebhookSecretBoxService {
  private key: Promise<string> | undefined;

  constructor(
    private readonly secrets: SystemSecrets,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async seal(secret: string): Promise<string> {
    return sealSecret(await this.keyMaterial(), secret);
  }

  async open(sealed: string): Promise<string> {
    return openSecret(await this.keyMaterial(), sealed);
  }

  private keyMaterial(): Promise<string> {
    this.key ??= this.config.WEBHOOK_SECRET_KEY
      ? Promise.resolve(this.config.WEBHOOK_SECRET_KEY)
      : this.secrets.obtain(GENERATED_KEY);
    return this.key;
  }
}
