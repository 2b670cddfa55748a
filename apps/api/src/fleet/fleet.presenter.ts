import type { DriverAbsence, DriverAvailabilityView, Vehicle } from '#application';
import type { DriverAbsenceType, DriverAvailabilityType } from './driver-availability.type';
import type { VehicleType } from './vehicle.type';

export function presentVehicle(vehicle: Vehicle): VehicleType {
  return {
    id: vehicle.id,
    organizationId: vehicle.organizationId,
    name: vehicle.spec.name,
    capacityKg: vehicle.spec.capacityKg,
    refrigerated: vehicle.spec.refrigerated,
    insulatedBoxes: vehicle.spec.insulatedBoxes,
    insulatedBoxMaxMinutes: vehicle.spec.insulatedBoxMaxMinutes,
    retired: vehicle.retiredAt !== null,
    retiredAt: vehicle.retiredAt,
    createdAt: vehicle.createdAt,
    updatedAt: vehicle.updatedAt,
  };
}

export function presentAbsence(absence: DriverAbsence): DriverAbsenceType {
  return { id: absence.id, from: absence.from, to: absence.to };
}

export function presentDriverAvailability(view: DriverAvailabilityView): DriverAvailabilityType {
  return {
    organizationId: view.organizationId,
    userId: view.userId,
    weekly: view.weekly.toInput().map((day) => ({ weekday: day.weekday, intervals: day.intervals.map((i) => ({ start: i.start, end: i.end })) })),
    absences: view.absences.map(presentAbsence),
    weeklyUpdatedAt: view.weeklyUpdatedAt,
  };
}
