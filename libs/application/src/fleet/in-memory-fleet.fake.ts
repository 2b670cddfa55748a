// Test doubles for the fleet and calendar ports (unit specs only): in-memory, with the same contracts as the adapters.
import { type MemberRole, OrganizationKind, parseLegalId, type CalendarDay, type OpeningHours } from '#domain';
import { CalendarFeedRepository } from '../calendar/calendar-feed-repository.port';
import { DriverCalendarSource, type CalendarEntry } from '../calendar/driver-calendar-source.port';
import { MembershipRepository, type MemberPage } from '../organizations/membership-repository.port';
import type { Membership, NewOrganization, Organization } from '../organizations/organization.model';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { DriverAvailabilityRepository } from './driver-availability-repository.port';
import type { DriverAbsence, Vehicle } from './fleet.model';
import { VehicleRepository } from './vehicle-repository.port';

export class InMemoryOrganizations extends OrganizationRepository {
  readonly rows = new Map<string, Organization>();

  put(id: string, kind: OrganizationKind): Organization {
    const organization: Organization = {
      id,
      kind,
      name: id,
      legalId: parseLegalId(kind === OrganizationKind.DONOR ? '73282932000074' : 'W691234567', kind),
      habilitationReference: null,
      verifiedAt: null,
      verifiedBy: null,
      createdAt: new Date(0),
    };
    this.rows.set(id, organization);
    return organization;
  }
  async findById(id: string): Promise<Organization | undefined> {
    return this.rows.get(id);
  }
  async findByIds(ids: readonly string[]): Promise<Organization[]> {
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }
  async existsWithLegalId(): Promise<boolean> {
    return false;
  }
  async existsVerifiedWithLegalId(): Promise<boolean> {
    return false;
  }
  async findByLegalIds(): Promise<Organization[]> {
    return [];
  }
  create(_organization: NewOrganization): Promise<Organization> {
    throw new Error('not used by these specs');
  }
  markVerified(): Promise<Organization | undefined> {
    throw new Error('not used by these specs');
  }
}

export class InMemoryMemberships extends MembershipRepository {
  readonly rows: Membership[] = [];

  put(organizationId: string, userId: string, role: MemberRole): void {
    this.rows.push({ organizationId, userId, role, createdAt: new Date(0) });
  }
  async roleOf(userId: string, organizationId: string): Promise<MemberRole | undefined> {
    return this.rows.find((row) => row.userId === userId && row.organizationId === organizationId)?.role;
  }
  async listForUsers(userIds: readonly string[]): Promise<Membership[]> {
    return this.rows.filter((row) => userIds.includes(row.userId));
  }
  add(): Promise<Membership | undefined> {
    throw new Error('not used by these specs');
  }
  listMembers(): Promise<MemberPage> {
    throw new Error('not used by these specs');
  }
}

export class InMemoryVehicles extends VehicleRepository {
  readonly rows = new Map<string, Vehicle>();

  async add(vehicle: Vehicle): Promise<void> {
    this.rows.set(vehicle.id, vehicle);
  }
  async findById(id: string): Promise<Vehicle | undefined> {
    return this.rows.get(id);
  }
  async update(vehicle: Vehicle): Promise<void> {
    this.rows.set(vehicle.id, vehicle);
  }
  async listByOrganization(organizationId: string, options: { includeRetired: boolean }): Promise<Vehicle[]> {
    return [...this.rows.values()].filter((vehicle) => vehicle.organizationId === organizationId && (options.includeRetired || vehicle.retiredAt === null));
  }
}

export class InMemoryAvailabilities extends DriverAvailabilityRepository {
  readonly weekly = new Map<string, { weekly: OpeningHours; updatedAt: Date }>();
  readonly absences = new Map<string, DriverAbsence>();

  async weeklyOf(organizationId: string, userId: string): Promise<{ weekly: OpeningHours; updatedAt: Date } | undefined> {
    return this.weekly.get(`${organizationId}|${userId}`);
  }
  async saveWeekly(organizationId: string, userId: string, weekly: OpeningHours, at: Date): Promise<void> {
    this.weekly.set(`${organizationId}|${userId}`, { weekly, updatedAt: at });
  }
  async upcomingAbsences(organizationId: string, userId: string, today: CalendarDay): Promise<DriverAbsence[]> {
    return [...this.absences.values()]
      .filter((absence) => absence.organizationId === organizationId && absence.userId === userId && absence.to >= today)
      .sort((a, b) => a.from.localeCompare(b.from));
  }
  async addAbsence(absence: DriverAbsence): Promise<void> {
    this.absences.set(absence.id, absence);
  }
  async findAbsence(id: string): Promise<DriverAbsence | undefined> {
    return this.absences.get(id);
  }
  async removeAbsence(id: string): Promise<boolean> {
    return this.absences.delete(id);
  }
}

export class InMemoryCalendarFeeds extends CalendarFeedRepository {
  readonly hashes = new Map<string, string>();

  async replace(userId: string, tokenHash: string): Promise<void> {
    this.hashes.set(userId, tokenHash);
  }
  async revoke(userId: string): Promise<boolean> {
    return this.hashes.delete(userId);
  }
  async userIdForTokenHash(tokenHash: string): Promise<string | undefined> {
    return [...this.hashes.entries()].find(([, hash]) => hash === tokenHash)?.[0];
  }
}

export class FixedCalendarSource extends DriverCalendarSource {
  constructor(readonly entries: CalendarEntry[] = []) {
    super();
  }
  async entriesFor(_userId: string, from: Date, until: Date): Promise<CalendarEntry[]> {
    return this.entries.filter((entry) => entry.end > from && entry.start < until);
  }
}
