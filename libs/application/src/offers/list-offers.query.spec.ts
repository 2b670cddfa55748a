import { DomainError, OfferStatus } from '#domain';
import { parseOfferFilter } from './list-offers.query';

describe('the offers filter', () => {
  it('is empty when nothing is asked', () => {
    expect(parseOfferFilter({})).toEqual({});
    expect(parseOfferFilter({ status: null, near: null, radiusKm: null, category: null })).toEqual({});
  });

  it('keeps each status once, normalises the category and builds the distance search', () => {
    const filter = parseOfferFilter({
      status: [OfferStatus.PUBLISHED, OfferStatus.PUBLISHED, OfferStatus.DRAFT],
      near: { latitude: 45.75, longitude: 4.85 },
      radiusKm: 12.5,
      category: ' food.dairy ',
    });
    expect(filter.statuses).toEqual(['PUBLISHED', 'DRAFT']);
    expect(filter.category).toBe('FOOD.DAIRY');
    expect(filter.near?.radiusKm).toBe(12.5);
    expect(filter.near?.point.toJSON()).toEqual({ latitude: 45.75, longitude: 4.85 });
  });

  it.each([
    ['a point without a radius', { near: { latitude: 45, longitude: 4 } }, 'VALIDATION_FAILED', 'filter.radiusKm'],
    ['a radius without a point', { radiusKm: 5 }, 'VALIDATION_FAILED', 'filter.near'],
    ['a radius of 0', { near: { latitude: 45, longitude: 4 }, radiusKm: 0 }, 'INVALID_RADIUS', 'filter.radiusKm'],
    ['a radius over 300 km', { near: { latitude: 45, longitude: 4 }, radiusKm: 301 }, 'INVALID_RADIUS', 'filter.radiusKm'],
    ['a latitude off the globe', { near: { latitude: -91, longitude: 4 }, radiusKm: 5 }, 'INVALID_LATITUDE', 'filter.near.latitude'],
    ['a longitude off the globe', { near: { latitude: 45, longitude: 181 }, radiusKm: 5 }, 'INVALID_LONGITUDE', 'filter.near.longitude'],
    ['an unknown category', { category: 'FOOD.CAVIAR' }, 'UNKNOWN_CATEGORY', 'filter.category'],
    ['an unknown status', { status: ['PUBLISHED', 'LOST'] as OfferStatus[] }, 'VALIDATION_FAILED', 'filter.status.1'],
  ])('refuses %s', (_, raw, code, field) => {
    const attempt = () => parseOfferFilter(raw);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code, field }));
  });
});
