import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** UNLISTED: made for a program mentor; never searched, recommended or requested until its owner publishes it. */
export const ProfileStatus = {
  DRAFT: 'DRAFT',
  PUBLISHED: 'PUBLISHED',
  PAUSED: 'PAUSED',
  UNLISTED: 'UNLISTED',
} as const;
export type ProfileStatus = (typeof ProfileStatus)[keyof typeof ProfileStatus];

export const MentorshipFormat = {
  ONE_ON_ONE: 'ONE_ON_ONE',
  GROUP: 'GROUP',
  PEER: 'PEER',
  REVERSE: 'REVERSE',
  CIRCLE: 'CIRCLE',
} as const;
export type MentorshipFormat = (typeof MentorshipFormat)[keyof typeof MentorshipFormat];

@Entity('mentor_profiles')
export class MentorProfile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  status!: ProfileStatus;

  @Column({ type: 'text' })
  headline!: string;

  @Column({ type: 'text' })
  bio!: string;

  @Column({ name: 'industry_slugs', type: 'text', array: true })
  industrySlugs!: string[];

  @Column({ name: 'skill_ids', type: 'uuid', array: true })
  skillIds!: string[];

  @Column({ name: 'years_of_experience', type: 'int' })
  yearsOfExperience!: number;

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'text', array: true })
  formats!: MentorshipFormat[];

  @Column({ name: 'session_lengths', type: 'int', array: true })
  sessionLengths!: number[];

  @Column({ name: 'price_cents', type: 'int', nullable: true })
  priceCents!: number | null;

  @Column({ name: 'price_currency', type: 'char', length: 3, nullable: true })
  priceCurrency!: string | null;

  @Column({ name: 'max_active_mentees', type: 'int' })
  maxActiveMentees!: number;

  @Column({ name: 'role_title', type: 'text', nullable: true })
  currentRole!: string | null;

  @Column({ type: 'text', nullable: true })
  company!: string | null;

  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode!: string | null;

  @Column({ name: 'rating_count', type: 'int', default: 0 })
  ratingCount!: number;

  @Column({ name: 'rating_sum', type: 'int', default: 0 })
  ratingSum!: number;

  @Column({ name: 'rating_distribution', type: 'int', array: true })
  ratingDistribution!: number[];

  /** Bumped on every change search can see; the indexer keeps the newest. */
  @VersionColumn({ type: 'int' })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
