import type { DriverAbsence, Vehicle } from '#application';
import { VehicleSpec } from '#domain';
import { DriverAbsenceEntity } from './driver-absence.entity';
import { VehicleEntity } from './vehicle.entity';

export function toVehicle(row: VehicleEntity): Vehicle {
  return {
    id: row.id,
    organizationId: row.organizationId,
    spec: VehicleSpec.parse({
      name: row.name,
      capacityKg: row.capacityKg,
      refrigerated: row.refrigerated,
      insulatedBoxes: row.insulatedBoxes,
      insulatedBoxMaxMinutes: row.insulatedBoxMaxMinutes,
    }),
    retiredAt: row.retiredAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toVehicleEntity(vehicle: Vehicle): VehicleEntity {
  const row = new VehicleEntity();
  row.id = vehicle.id;
  row.organizationId = vehicle.organizationId;
  row.name = vehicle.spec.name;
  row.capacityKg = vehicle.spec.capacityKg;
  row.refrigerated = vehicle.spec.refrigerated;
  row.insulatedBoxes = vehicle.spec.insulatedBoxes;
  row.insulatedBoxMaxMinutes = vehicle.spec.insulatedBoxMaxMinutes;
  row.retiredAt = vehicle.retiredAt;
  row.createdAt = vehicle.createdAt;
  row.updatedAt = vehicle.updatedAt;
  return row;
}

export function toDriverAbsence(row: DriverAbsenceEntity): DriverAbsence {
  return { id: row.id, organizationId: row.organizationId, userId: row.userId, from: row.fromDay, to: row.toDay, createdAt: row.createdAt };
}

export function toDriverAbsenceEntity(absence: DriverAbsence): DriverAbsenceEntity {
  const row = new DriverAbsenceEntity();
  row.id = absence.id;
  row.organizationId = absence.organizationId;
  row.userId = absence.userId;
  row.fromDay = absence.from;
  row.toDay = absence.to;
  row.createdAt = absence.createdAt;
  return row;
}
