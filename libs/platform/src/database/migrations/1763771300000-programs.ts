import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransitionTable } from './transition-table.js';

/**
 * Organisations, their programs, enrolments and matching rounds. A program's mentorships
 * are made by publishing a round, not by a request, so a mentorship now names either its
 * request or its program. A mentor profile may be UNLISTED: made for a program mentor
 * from their enrolment, never searched, recommended or requested.
 */
export class Programs1763771300000 implements MigrationInterface {
  name = 'Programs1763771300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,40}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE organization_admins (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await db.query(`CREATE INDEX organization_admins_user_idx ON organization_admins (user_id)`);

    await db.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL,
        goals text[] NOT NULL,
        formats text[] NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ENROLLING', 'RUNNING', 'CLOSED')),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        max_mentees_per_mentor int NOT NULL CHECK (max_mentees_per_mentor BETWEEN 1 AND 10),
        check_in_every_days int NOT NULL CHECK (check_in_every_days BETWEEN 7 AND 90),
        invite_code text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on > starts_on),
        CHECK (status = 'DRAFT' OR invite_code IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX programs_organization_idx ON programs (organization_id, created_at DESC, id DESC)`);
    await createTransitionTable(db, 'program_transitions', 'program_id', 'programs');

    // One enrolment per user per program, withdrawn or not: withdrawing is final.
    await db.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MENTOR', 'MENTEE')),
        goals text[] NOT NULL,
        skill_ids uuid[] NOT NULL,
        industry_slugs text[] NOT NULL DEFAULT '{}',
        communication_style text NOT NULL CHECK (communication_style IN ('DIRECT', 'SUPPORTIVE', 'SOCRATIC', 'HANDS_ON')),
        languages text[] NOT NULL,
        time_zone text NOT NULL,
        hours_per_month int NOT NULL CHECK (hours_per_month BETWEEN 1 AND 40),
        created_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        CONSTRAINT enrollments_one_per_user UNIQUE (program_id, user_id)
      )`);
    await db.query(`CREATE INDEX enrollments_program_role_idx ON enrollments (program_id, role, created_at, id)`);
    await db.query(`CREATE INDEX enrollments_user_idx ON enrollments (user_id)`);

    await db.query(`
      CREATE TABLE matching_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'PUBLISHED')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX matching_rounds_program_idx ON matching_rounds (program_id, created_at)`);
    // Every mentee of a round has one row; no mentor means the round leaves them unmatched.
    await db.query(`
      CREATE TABLE match_proposals (
        round_id uuid NOT NULL REFERENCES matching_rounds(id) ON DELETE CASCADE,
        mentee_enrollment_id uuid NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
        mentor_enrollment_id uuid REFERENCES enrollments(id) ON DELETE CASCADE,
        score int NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
        reasons text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (round_id, mentee_enrollment_id)
      )`);
    await db.query(
      `CREATE INDEX match_proposals_mentor_idx ON match_proposals (round_id, mentor_enrollment_id) WHERE mentor_enrollment_id IS NOT NULL`,
    );

    await db.query(`ALTER TABLE mentorships ALTER COLUMN request_id DROP NOT NULL`);
    await db.query(`ALTER TABLE mentorships ADD COLUMN program_id uuid REFERENCES programs(id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE mentorships ADD COLUMN mentor_enrollment_id uuid REFERENCES enrollments(id)`);
    await db.query(`ALTER TABLE mentorships ADD COLUMN mentee_enrollment_id uuid UNIQUE REFERENCES enrollments(id)`);
    await db.query(`
      ALTER TABLE mentorships ADD CONSTRAINT mentorships_one_origin CHECK (
        (request_id IS NOT NULL AND program_id IS NULL AND mentee_enrollment_id IS NULL)
        OR (request_id IS NULL AND program_id IS NOT NULL AND mentor_enrollment_id IS NOT NULL
            AND mentee_enrollment_id IS NOT NULL))`);
    await db.query(
      `CREATE INDEX mentorships_program_mentor_idx ON mentorships (mentor_enrollment_id) WHERE mentor_enrollment_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX mentorships_program_idx ON mentorships (program_id) WHERE program_id IS NOT NULL`);
    // Marketplace capacity counts only marketplace mentorships.
    await db.query(`DROP INDEX mentorships_profile_active_idx`);
    await db.query(
      `CREATE INDEX mentorships_profile_active_idx ON mentorships (mentor_profile_id) WHERE status = 'ACTIVE' AND program_id IS NULL`,
    );

    await db.query(`ALTER TABLE mentor_profiles DROP CONSTRAINT mentor_profiles_status_check`);
    await db.query(
      `ALTER TABLE mentor_profiles ADD CONSTRAINT mentor_profiles_status_check CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED', 'UNLISTED'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM mentor_profiles WHERE status = 'UNLISTED'`);
    await db.query(`ALTER TABLE mentor_profiles DROP CONSTRAINT mentor_profiles_status_check`);
    await db.query(
      `ALTER TABLE mentor_profiles ADD CONSTRAINT mentor_profiles_status_check CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED'))`,
    );
    await db.query(`DELETE FROM mentorships WHERE program_id IS NOT NULL`);
    await db.query(`DROP INDEX mentorships_profile_active_idx`);
    await db.query(
      `CREATE INDEX mentorships_profile_active_idx ON mentorships (mentor_profile_id) WHERE status = 'ACTIVE'`,
    );
    await db.query(`ALTER TABLE mentorships DROP CONSTRAINT mentorships_one_origin`);
    for (const column of ['mentee_enrollment_id', 'mentor_enrollment_id', 'program_id']) {
      await db.query(`ALTER TABLE mentorships DROP COLUMN ${column}`);
    }
    await db.query(`ALTER TABLE mentorships ALTER COLUMN request_id SET NOT NULL`);
    for (const table of [
      'match_proposals',
      'matching_rounds',
      'enrollments',
      'program_transitions',
      'programs',
      'organization_admins',
      'organizations',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
