import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('mentee_profiles')
export class MenteeProfile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', array: true })
  goals!: string[];

  @Column({ name: 'industry_slugs', type: 'text', array: true })
  industrySlugs!: string[];

  @Column({ name: 'skill_ids', type: 'uuid', array: true })
  skillIds!: string[];

  @Column({ name: 'experience_level', type: 'int' })
  experienceLevel!: number;

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
