import { Injectable } from '@nestjs/common';
import { MAX_LISTED_VEHICLES, VehicleRepository, type Vehicle } from '#application';
import { DataSource } from 'typeorm';
import { connectedManager } from '../accounts/connected-manager';
import { isUuid } from '../organizations/uuid';
import { toVehicle, toVehicleEntity } from './fleet.mapper';
import { VehicleEntity } from './vehicle.entity';

@Injectable()
export class TypeOrmVehicleRepository extends VehicleRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get rows() {
    return connectedManager(this.dataSource).getRepository(VehicleEntity);
  }

  async add(vehicle: Vehicle): Promise<void> {
    await this.rows.insert(toVehicleEntity(vehicle));
  }

  async findById(id: string): Promise<Vehicle | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.rows.findOneBy({ id });
    return row ? toVehicle(row) : undefined;
  }

  async update(vehicle: Vehicle): Promise<void> {
    const { id, organizationId: _organizationId, createdAt: _createdAt, ...changes } = toVehicleEntity(vehicle);
    await this.rows.update({ id }, changes);
  }

  async listByOrganization(organizationId: string, options: { readonly includeRetired: boolean }): Promise<Vehicle[]> {
    if (!isUuid(organizationId)) return [];
    const query = this.rows
      .createQueryBuilder('v')
      .where('v.organization_id = :organizationId', { organizationId })
      .orderBy('v.retired_at IS NOT NULL', 'ASC')
      .addOrderBy('v.name', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .take(MAX_LISTED_VEHICLES);
    if (!options.includeRetired) query.andWhere('v.retired_at IS NULL');
    return (await query.getMany()).map(toVehicle);
  }
}
