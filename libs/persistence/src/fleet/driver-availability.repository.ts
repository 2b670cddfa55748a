import { Injectable } from '@nestjs/common';
import { DriverAvailabilityRepository, type DriverAbsence } from '#application';
import { OpeningHours, type CalendarDay } from '#domain';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { connectedManager } from '../accounts/connected-manager';
import { isUuid } from '../organizations/uuid';
import { DriverAbsenceEntity } from './driver-absence.entity';
import { DriverWeeklyAvailabilityEntity } from './driver-weekly-availability.entity';
import { toDriverAbsence, toDriverAbsenceEntity } from './fleet.mapper';

@Injectable()
export class TypeOrmDriverAvailabilityRepository extends DriverAvailabilityRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get manager() {
    return connectedManager(this.dataSource);
  }

  async weeklyOf(organizationId: string, userId: string): Promise<{ weekly: OpeningHours; updatedAt: Date } | undefined> {
    if (!isUuid(organizationId) || !isUuid(userId)) return undefined;
    const row = await this.manager.getRepository(DriverWeeklyAvailabilityEntity).findOneBy({ organizationId, userId });
    return row ? { weekly: OpeningHours.parse(row.weekly, 'weekly'), updatedAt: row.updatedAt } : undefined;
  }

  async saveWeekly(organizationId: string, userId: string, weekly: OpeningHours, at: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO driver_weekly_availabilities (organization_id, user_id, weekly, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (organization_id, user_id) DO UPDATE SET weekly = EXCLUDED.weekly, updated_at = EXCLUDED.updated_at`,
      [organizationId, userId, JSON.stringify(weekly.toInput()), at],
    );
  }

  async upcomingAbsences(organizationId: string, userId: string, today: CalendarDay): Promise<DriverAbsence[]> {
    if (!isUuid(organizationId) || !isUuid(userId)) return [];
    const rows = await this.manager.getRepository(DriverAbsenceEntity).find({
      where: { organizationId, userId, toDay: MoreThanOrEqual(today) },
      order: { fromDay: 'ASC', toDay: 'ASC', id: 'ASC' },
    });
    return rows.map(toDriverAbsence);
  }

  async addAbsence(absence: DriverAbsence): Promise<void> {
    await this.manager.getRepository(DriverAbsenceEntity).insert(toDriverAbsenceEntity(absence));
  }

  async findAbsence(id: string): Promise<DriverAbsence | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.manager.getRepository(DriverAbsenceEntity).findOneBy({ id });
    return row ? toDriverAbsence(row) : undefined;
  }

  async removeAbsence(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.manager.getRepository(DriverAbsenceEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
