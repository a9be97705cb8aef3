import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  apiPublicUrl,
  checkSignedLink,
  CONFIG,
  signLink,
  SystemSecrets,
  type Config,
  type SignedLinkCheck,
  type SignedLinkParams,
} from '@app/platform';

const SECRET_NAME = 'program-metrics-links-hmac';
/** Long enough to click through from the dashboard, short enough that a leaked link soon dies. */
const LINK_TTL_MS = 15 * 60 * 1000;

/** What a metrics CSV link names: the program, and the admin it was made for (checked again when used). */
export interface ProgramMetricsLink extends Partial<SignedLinkParams> {
  programId: string;
  userId: string;
}

/**
 * Signed, expiring links to a program's figures as CSV. A download sends no credentials
 * (a browser opens the link), so the link is the credential: an HMAC over the path and the
 * admin who asked, with the expiry inside, under a secret every api instance shares.
 */
@Injectable()
export class ProgramMetricsLinkService implements OnModuleInit {
  private secret: string | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly secrets: SystemSecrets,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = await this.secrets.obtain(SECRET_NAME);
  }

  urlFor(programId: string, userId: string, now: Date = new Date()): string {
    const subject = subjectOf({ programId, userId });
    const { expires, signature } = signLink(this.key(), subject, new Date(now.getTime() + LINK_TTL_MS));
    return apiPublicUrl(this.config, `${subject}&expires=${expires}&signature=${signature}`);
  }

  check(link: ProgramMetricsLink, now: Date = new Date()): SignedLinkCheck {
    return checkSignedLink(this.key(), subjectOf(link), link, now);
  }

  private key(): string {
    if (!this.secret) throw new Error('ProgramMetricsLinkService used before its module was initialised');
    return this.secret;
  }
}

/** The signed part of the URL; ids are encoded so whatever arrives signs as it was sent. */
function subjectOf(link: Pick<ProgramMetricsLink, 'programId' | 'userId'>): string {
  return `/programs/${encodeURIComponent(link.programId)}/metrics.csv?by=${encodeURIComponent(link.userId)}`;
}
