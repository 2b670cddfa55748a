import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each recipient site's service area (its organisation's service radius around it), kept by
 * triggers and indexed, so that "which recipients reach this offer" is one GiST lookup of areas
 * containing a point. A radius that differs per recipient cannot use the sites index directly
 * (ST_DWithin with a per-row distance); pre-filtering with the largest radius anyone declared works
 * but reads every site within 60 km or more of a city offer. The stored area is a buffer 2 % wider
 * than the radius (the buffer's polygon is inscribed in the circle): it is a pre-filter only, the
 * exact distance is still ST_DWithin on geography with the recipient's own radius.
 */
export class RecipientServiceAreas1763800003200 implements MigrationInterface {
  name = 'RecipientServiceAreas1763800003200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recipient_service_areas (
        site_id uuid PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        -- Copies of the site's point and the recipient's radius: the exact test reads this row only,
        -- so the planner has no reason to go back to the sites index with a per-row distance.
        location geography(Point, 4326) NOT NULL,
        radius_m double precision NOT NULL,
        reach geography(Polygon, 4326) NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX recipient_service_areas_reach_gix ON recipient_service_areas USING GIST (reach)');
    await queryRunner.query('CREATE INDEX recipient_service_areas_organization_idx ON recipient_service_areas (organization_id)');

    await queryRunner.query(`
      CREATE FUNCTION refresh_recipient_service_areas(org uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM recipient_service_areas WHERE organization_id = org;
        INSERT INTO recipient_service_areas (site_id, organization_id, location, radius_m, reach)
        SELECT s.id, s.organization_id, s.location, rp.service_radius_km * 1000, ST_Buffer(s.location, rp.service_radius_km * 1000 * 1.02)
        FROM sites s JOIN recipient_profiles rp ON rp.organization_id = s.organization_id
        WHERE s.organization_id = org;
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION recipient_service_areas_on_site() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_recipient_service_areas(NEW.organization_id);
        IF TG_OP = 'UPDATE' AND OLD.organization_id <> NEW.organization_id THEN
          PERFORM refresh_recipient_service_areas(OLD.organization_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER sites_recipient_service_areas AFTER INSERT OR UPDATE OF location, organization_id ON sites
      FOR EACH ROW EXECUTE FUNCTION recipient_service_areas_on_site()`);
    await queryRunner.query(`
      CREATE FUNCTION recipient_service_areas_on_profile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM recipient_service_areas WHERE organization_id = OLD.organization_id;
        ELSE
          PERFORM refresh_recipient_service_areas(NEW.organization_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER recipient_profiles_service_areas AFTER INSERT OR DELETE OR UPDATE OF service_radius_km ON recipient_profiles
      FOR EACH ROW EXECUTE FUNCTION recipient_service_areas_on_profile()`);

    await queryRunner.query(`
      INSERT INTO recipient_service_areas (site_id, organization_id, location, radius_m, reach)
      SELECT s.id, s.organization_id, s.location, rp.service_radius_km * 1000, ST_Buffer(s.location, rp.service_radius_km * 1000 * 1.02)
      FROM sites s JOIN recipient_profiles rp ON rp.organization_id = s.organization_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER recipient_profiles_service_areas ON recipient_profiles');
    await queryRunner.query('DROP TRIGGER sites_recipient_service_areas ON sites');
    await queryRunner.query('DROP FUNCTION recipient_service_areas_on_profile()');
    await queryRunner.query('DROP FUNCTION recipient_service_areas_on_site()');
    await queryRunner.query('DROP FUNCTION refresh_recipient_service_areas(uuid)');
    await queryRunner.query('DROP TABLE recipient_service_areas');
  }
}
