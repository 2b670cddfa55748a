import { MAX_VEHICLE_CAPACITY_KG, VehicleSpec, type VehicleSpecInput } from './vehicle-spec.value-object';

const van: VehicleSpecInput = { name: '  Camion frigo  ', capacityKg: 800, refrigerated: true, insulatedBoxes: 4, insulatedBoxMaxMinutes: 90 };

describe('VehicleSpec', () => {
  it('keeps a valid description, trimmed, with the payload to the gram', () => {
    const spec = VehicleSpec.parse({ ...van, capacityKg: 412.3456789 });
    expect(spec.toInput()).toEqual({ name: 'Camion frigo', capacityKg: 412.345679, refrigerated: true, insulatedBoxes: 4, insulatedBoxMaxMinutes: 90 });
  });

  it('reads an absent time on board as not declared', () => {
    expect(VehicleSpec.parse({ name: 'Clio', capacityKg: 150, refrigerated: false, insulatedBoxes: 0 }).insulatedBoxMaxMinutes).toBeNull();
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, MAX_VEHICLE_CAPACITY_KG + 1])('refuses a payload of %p kg', (capacityKg) => {
    expect(() => VehicleSpec.parse({ ...van, capacityKg })).toThrow(expect.objectContaining({ code: 'INVALID_VEHICLE_CAPACITY', field: 'capacityKg' }));
  });

  it('accepts the largest sane payload', () => {
    expect(VehicleSpec.parse({ ...van, capacityKg: MAX_VEHICLE_CAPACITY_KG }).capacityKg).toBe(MAX_VEHICLE_CAPACITY_KG);
  });

  it.each(['', '   ', 'x'.repeat(81), 'deux\nlignes'])('refuses the name %p', (name) => {
    expect(() => VehicleSpec.parse({ ...van, name })).toThrow(expect.objectContaining({ code: 'INVALID_VEHICLE_NAME', field: 'name', params: { max: 80 } }));
  });

  it('accepts a name of exactly 80 characters', () => {
    expect(VehicleSpec.parse({ ...van, name: 'é'.repeat(80) }).name).toHaveLength(80);
  });

  it.each([-1, 1.5, 101])('refuses %p insulated boxes', (insulatedBoxes) => {
    expect(() => VehicleSpec.parse({ ...van, insulatedBoxes })).toThrow(expect.objectContaining({ code: 'INVALID_INSULATED_BOXES', field: 'insulatedBoxes' }));
  });

  it.each([0, -10, 30.5, 721])('refuses %p minutes on board', (insulatedBoxMaxMinutes) => {
    expect(() => VehicleSpec.parse({ ...van, insulatedBoxMaxMinutes })).toThrow(
      expect.objectContaining({ code: 'INVALID_INSULATED_BOX_MINUTES', field: 'insulatedBoxMaxMinutes' }),
    );
  });

  it('refuses a time on board for a vehicle without insulated boxes', () => {
    expect(() => VehicleSpec.parse({ ...van, insulatedBoxes: 0, insulatedBoxMaxMinutes: 60 })).toThrow(
      expect.objectContaining({ code: 'INSULATED_BOX_MINUTES_WITHOUT_BOXES', field: 'insulatedBoxMaxMinutes' }),
    );
  });
});
