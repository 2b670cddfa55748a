import { MemberRole } from '#domain';

/** Who manages a recipient's vehicles and reads its drivers' availability: its coordinators. */
export const FLEET_MANAGER_ROLES: readonly MemberRole[] = [MemberRole.ADMIN, MemberRole.STAFF];
/** Who declares an availability: drivers, each their own. */
export const DRIVER_ROLES: readonly MemberRole[] = [MemberRole.DRIVER];
