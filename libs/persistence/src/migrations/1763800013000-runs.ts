import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pickup runs: a recipient's day planned into runs (one vehicle, at most one driver, ordered stops),
 * and what each day's last planning used and left out. Checks repeat the rules the code relies on
 * (an open run has no driver, a run on the road has one; each claim collected and delivered at most
 * once per run), so a row written by hand or a future bug cannot break the driver's view.
 */
export class Runs1763800013000 implements MigrationInterface {
  name = 'Runs1763800013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE runs (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        day date NOT NULL,
        depot_site_id uuid NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        slot text NOT NULL,
        status text NOT NULL CONSTRAINT runs_status_check CHECK (status IN ('PLANNED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        driver_user_id uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
        vehicle_key text NOT NULL,
        vehicle_id uuid NULL REFERENCES vehicles (id) ON DELETE RESTRICT,
        capacity_kg numeric(12, 3) NOT NULL CONSTRAINT runs_capacity_check CHECK (capacity_kg > 0),
        refrigerated boolean NOT NULL,
        insulated_box_max_minutes integer NULL CONSTRAINT runs_insulated_box_check CHECK (insulated_box_max_minutes IS NULL OR insulated_box_max_minutes > 0),
        planned_start timestamptz(3) NOT NULL,
        planned_end timestamptz(3) NOT NULL,
        distance_km numeric(10, 3) NOT NULL CONSTRAINT runs_distance_check CHECK (distance_km >= 0),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL,
        status_changed_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT runs_times_check CHECK (planned_end >= planned_start),
        CONSTRAINT runs_driver_check CHECK (status = 'CANCELLED' OR (status = 'PLANNED') = (driver_user_id IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX runs_day_idx ON runs (organization_id, day, planned_start)');
    await queryRunner.query('CREATE INDEX runs_driver_day_idx ON runs (driver_user_id, day) WHERE driver_user_id IS NOT NULL');
    await queryRunner.query("CREATE INDEX runs_open_day_idx ON runs (day, organization_id) WHERE status = 'PLANNED'");
    // A re-plan updates the run of a slot in place: one re-plannable run per slot.
    await queryRunner.query("CREATE UNIQUE INDEX runs_replannable_slot_key ON runs (organization_id, day, slot) WHERE status IN ('PLANNED', 'ASSIGNED')");

    await queryRunner.query(`
      CREATE TABLE run_stops (
        id uuid PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        sequence integer NOT NULL CONSTRAINT run_stops_sequence_check CHECK (sequence >= 1),
        kind text NOT NULL CONSTRAINT run_stops_kind_check CHECK (kind IN ('COLLECT', 'DELIVER')),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
        site_id uuid NOT NULL REFERENCES sites (id) ON DELETE RESTRICT,
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE RESTRICT,
        pickup_id uuid NOT NULL REFERENCES pickups (id) ON DELETE RESTRICT,
        planned_arrival timestamptz(3) NOT NULL,
        planned_departure timestamptz(3) NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        ambient_kg numeric(12, 3) NOT NULL CHECK (ambient_kg >= 0),
        chilled_kg numeric(12, 3) NOT NULL CHECK (chilled_kg >= 0),
        frozen_kg numeric(12, 3) NOT NULL CHECK (frozen_kg >= 0),
        CONSTRAINT run_stops_sequence_key UNIQUE (run_id, sequence),
        CONSTRAINT run_stops_claim_kind_key UNIQUE (run_id, claim_id, kind)
      )`);
    await queryRunner.query('CREATE INDEX run_stops_pickup_idx ON run_stops (pickup_id)');
    await queryRunner.query('CREATE INDEX run_stops_organization_idx ON run_stops (organization_id)');

    // The day's last planning: its vehicles (a re-plan uses them again) and, one row each, the
    // pickups it left out with the solver's reason.
    await queryRunner.query(`
      CREATE TABLE run_day_plans (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        day date NOT NULL,
        vehicles jsonb NOT NULL,
        planned_at timestamptz(3) NOT NULL,
        planned_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT run_day_plans_pkey PRIMARY KEY (organization_id, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE run_unserved_pickups (
        organization_id uuid NOT NULL,
        day date NOT NULL,
        pickup_id uuid NOT NULL REFERENCES pickups (id) ON DELETE CASCADE,
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        reason text NOT NULL CONSTRAINT run_unserved_pickups_reason_check
          CHECK (reason IN ('DEMAND_EXCEEDS_CAPACITY', 'COLD_CHAIN', 'TIME_WINDOW_UNREACHABLE', 'ROUTE_DURATION_EXCEEDED', 'FLEET_EXHAUSTED')),
        recorded_at timestamptz(3) NOT NULL,
        CONSTRAINT run_unserved_pickups_pkey PRIMARY KEY (organization_id, day, pickup_id),
        CONSTRAINT run_unserved_pickups_plan_fkey FOREIGN KEY (organization_id, day) REFERENCES run_day_plans (organization_id, day) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE run_unserved_pickups');
    await queryRunner.query('DROP TABLE run_day_plans');
    await queryRunner.query('DROP TABLE run_stops');
    await queryRunner.query('DROP TABLE runs');
  }
}
