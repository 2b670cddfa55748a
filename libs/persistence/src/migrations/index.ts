import { EnablePostgis1763800000000 } from './1763800000000-enable-postgis';

/** Every migration, oldest first. TypeORM 1.x takes classes, not file globs. */
export const MIGRATIONS = [EnablePostgis1763800000000];
