import ICAL from 'ical.js';
import { renderDriverCalendar } from './driver-calendar.ics';

describe('renderDriverCalendar', () => {
  const generatedAt = new Date('2026-11-24T09:00:00Z');
  const run = {
    uid: 'run-7f3c@glane',
    start: new Date('2026-11-25T08:00:00Z'),
    end: new Date('2026-11-25T11:30:00Z'),
    title: 'Tournée du mercredi : 3 ramasses, Lidl Mérignac; Boulangerie, Pessac',
    location: '12 rue Sainte-Catherine, 33000 Bordeaux',
    description: 'Caisses isothermes : 2\nCode porte 4512',
    updatedAt: new Date('2026-11-20T17:00:00Z'),
  };

  it('writes a calendar an independent parser reads back event for event, with the instants intact', () => {
    const parsed = new ICAL.Component(ICAL.parse(renderDriverCalendar({ userId: 'u1', entries: [run], generatedAt }, 'fr')));
    expect(parsed.name).toBe('vcalendar');
    expect(parsed.getFirstPropertyValue('version')).toBe('2.0');
    expect(parsed.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe('Glane : mes tournées');
    const events = parsed.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.uid).toBe(run.uid);
    expect(event?.summary).toBe(run.title);
    expect(event?.location).toBe(run.location);
    expect(event?.description).toBe(run.description);
    expect(event?.startDate.toJSDate()).toEqual(run.start);
    expect(event?.endDate.toJSDate()).toEqual(run.end);
  });

  it('writes a valid empty calendar when the driver has nothing planned, named in the caller’s language', () => {
    const parsed = new ICAL.Component(ICAL.parse(renderDriverCalendar({ userId: 'u1', entries: [], generatedAt }, 'en')));
    expect(parsed.getAllSubcomponents('vevent')).toEqual([]);
    expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe('Glane: my runs');
    expect(String(parsed.getFirstPropertyValue('prodid'))).toContain('Glane');
  });
});
