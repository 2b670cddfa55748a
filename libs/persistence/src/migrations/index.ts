import { EnablePostgis1763800000000 } from './1763800000000-enable-postgis';
import { Accounts1763800001000 } from './1763800001000-accounts';

/** Every migration, oldest first. TypeORM 1.x takes classes, not file globs. */
export const MIGRATIONS = [EnablePostgis1763800000000, Accounts1763800001000];
