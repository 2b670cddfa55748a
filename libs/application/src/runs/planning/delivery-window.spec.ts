import { OpeningHours } from '#domain';
import type { PlannablePickup } from '../run-planning.model';
import { withDeliveryWindow } from './delivery-window';

// Tuesday 24 November 2026; Paris is UTC+1.
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+01:00`);

const pickup = (overrides: Partial<PlannablePickup> = {}): PlannablePickup => ({
  pickupId: 'p',
  claimId: 'c',
  donor: { organizationId: 'd', siteId: 'ds', location: { latitude: 44.85, longitude: -0.6 } },
  recipient: {
    organizationId: 'r',
    siteId: 'rs',
    location: { latitude: 44.84, longitude: -0.58 },
    openingHours: OpeningHours.everyDay([
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]),
    closures: [],
  },
  collectFrom: at('09:30'),
  collectUntil: at('11:00'),
  // As the claim recorded it: the receiving interval cut to the offer's window.
  deliverFrom: at('09:30'),
  deliverUntil: at('11:00'),
  kgByTemperature: { AMBIENT: 10, CHILLED: 0, FROZEN: 0 },
  ...overrides,
});

describe('delivery window of a pickup', () => {
  it('is the whole receiving interval the delivery falls in, from the collection’s start', () => {
    const widened = withDeliveryWindow(pickup());
    expect([widened.deliverFrom, widened.deliverUntil]).toEqual([at('09:30'), at('12:00')]);
    const afternoon = withDeliveryWindow(pickup({ collectFrom: at('13:00'), collectUntil: at('15:00'), deliverFrom: at('14:00'), deliverUntil: at('15:00') }));
    expect([afternoon.deliverFrom, afternoon.deliverUntil]).toEqual([at('14:00'), at('18:00')]);
  });

  it('gives every delivery of a day the same interval at a site open round the clock (read from the day’s start)', () => {
    const always = { ...pickup().recipient, openingHours: OpeningHours.everyDay([{ start: '00:00', end: '24:00' }]) };
    const early = withDeliveryWindow(pickup({ recipient: always, deliverFrom: at('09:30'), deliverUntil: at('11:00') }));
    const late = withDeliveryWindow(pickup({ recipient: always, collectFrom: at('19:00'), deliverFrom: at('19:01'), deliverUntil: at('23:00') }));
    expect(early.deliverUntil).toEqual(late.deliverUntil);
    expect(early.deliverUntil).toEqual(new Date('2026-11-26T00:00:00+01:00'));
  });

  it('keeps the claim’s own window when the site no longer receives then', () => {
    const closed = pickup({ recipient: { ...pickup().recipient, closures: [{ from: '2026-11-24', to: '2026-11-24' }] } });
    expect(withDeliveryWindow(closed)).toBe(closed);
  });
});
