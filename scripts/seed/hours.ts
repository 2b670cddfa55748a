import type { ClosurePeriodInput, OpeningDayInput, OpeningIntervalInput } from '#domain';
import type { Prng } from './prng';

/** ISO weekdays. */
const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
const SUN = 7;

const WEEKDAYS = [MON, TUE, WED, THU, FRI] as const;
const MON_TO_SAT = [MON, TUE, WED, THU, FRI, SAT] as const;

function interval(start: string, end: string): OpeningIntervalInput {
  return { start, end };
}

function days(weekdays: readonly number[], intervals: readonly OpeningIntervalInput[]): OpeningDayInput[] {
  return weekdays.map((weekday) => ({ weekday, intervals }));
}

function byWeekday(list: readonly OpeningDayInput[]): OpeningDayInput[] {
  return [...list].sort((a, b) => a.weekday - b.weekday);
}

// Donor sites: the hours goods can be collected (the goods-in bay of a shop, a bakery's counter).

export function supermarketHours(random: Prng, openOnSunday: boolean): OpeningDayInput[] {
  const morningEnd = random.pick(['11:00', '11:30', '12:00']);
  const hours = days(MON_TO_SAT, [interval('07:00', morningEnd), interval('14:00', '17:00')]);
  return openOnSunday ? [...hours, { weekday: SUN, intervals: [interval('09:00', '12:00')] }] : hours;
}

export function convenienceStoreHours(): OpeningDayInput[] {
  return [...days(MON_TO_SAT, [interval('08:00', '12:30'), interval('15:00', '19:30')]), { weekday: SUN, intervals: [interval('09:00', '12:30')] }];
}

/** Bakeries close one weekday (Monday or Wednesday mostly) and open Sunday morning. */
export function bakeryHours(random: Prng): OpeningDayInput[] {
  const closedDay = random.pick([MON, MON, WED, TUE]);
  const open = [TUE, WED, THU, FRI, SAT, MON].filter((weekday) => weekday !== closedDay);
  return byWeekday([...days(open, [interval('06:30', '13:00'), interval('15:30', '19:30')]), { weekday: SUN, intervals: [interval('06:30', '13:00')] }]);
}

export function catererHours(): OpeningDayInput[] {
  return days(WEEKDAYS, [interval('08:00', '16:00')]);
}

/** Wholesale markets work before dawn. */
export function wholesalerHours(): OpeningDayInput[] {
  return [...days(WEEKDAYS, [interval('04:00', '12:00')]), { weekday: SAT, intervals: [interval('05:00', '10:00')] }];
}

export function producerHours(random: Prng): OpeningDayInput[] {
  const afternoon = random.chance(0.5) ? [interval('14:00', '18:00')] : [];
  return [...days(WEEKDAYS, [interval('08:00', '12:00'), ...afternoon]), { weekday: SAT, intervals: [interval('08:00', '12:00')] }];
}

/** Central kitchens give what is left after the lunch service. */
export function collectiveCateringHours(): OpeningDayInput[] {
  return days(WEEKDAYS, [interval('13:30', '15:30')]);
}

// Recipient sites: when someone is there to receive goods.

export function foodBankHours(): OpeningDayInput[] {
  return days(WEEKDAYS, [interval('07:30', '12:00'), interval('13:00', '16:30')]);
}

export function ccasHours(): OpeningDayInput[] {
  return days(WEEKDAYS, [interval('08:30', '12:00'), interval('13:30', '17:00')]);
}

export function epicerieHours(random: Prng): OpeningDayInput[] {
  const afternoonEnd = random.pick(['17:30', '18:00', '18:30']);
  return [
    ...days([TUE, WED, THU, FRI], [interval('09:30', '12:30'), interval('14:00', afternoonEnd)]),
    { weekday: SAT, intervals: [interval('09:30', '12:30')] },
  ];
}

/** Meal services cook every day and take deliveries before each service. */
export function mealServiceHours(): OpeningDayInput[] {
  return days([MON, TUE, WED, THU, FRI, SAT, SUN], [interval('09:30', '11:30'), interval('16:30', '18:30')]);
}

/** Small volunteer-run associations: two or three half-days a week. */
export function associationHours(random: Prng): OpeningDayInput[] {
  const halfDays = random.int(2, 3);
  const chosen = random.shuffle(MON_TO_SAT).slice(0, halfDays);
  return byWeekday(
    chosen.map((weekday) => ({
      weekday,
      intervals: [weekday === SAT || random.chance(0.3) ? interval('09:00', '12:00') : interval('14:00', random.pick(['17:00', '18:00']))],
    })),
  );
}

// Closures, in the years around the seed date so the demo has some ahead of it.

function day(year: number, month: number, dayOfMonth: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** A closure of `weeks` weeks starting on one of August's first Mondays (it may run into September). */
function augustWeeks(random: Prng, year: number, weeks: number): ClosurePeriodInput {
  const first = new Date(Date.UTC(year, 7, 1));
  const firstMonday = 1 + ((MON - (first.getUTCDay() || 7) + 7) % 7);
  const start = Date.UTC(year, 7, firstMonday + 7 * random.int(0, 2));
  return { from: isoDay(start), to: isoDay(start + (7 * weeks - 1) * 86_400_000) };
}

function isoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function christmasWeek(year: number): ClosurePeriodInput {
  return { from: day(year, 12, 24), to: day(year + 1, 1, 2) };
}

export function bakeryClosures(random: Prng, years: readonly number[]): ClosurePeriodInput[] {
  return years.map((year) => augustWeeks(random, year, 2));
}

/** Shops close on 1 May only, the one public holiday on which French law closes them. */
export function shopClosures(years: readonly number[]): ClosurePeriodInput[] {
  return years.map((year) => ({ from: day(year, 5, 1), to: day(year, 5, 1) }));
}

/** School kitchens follow the school holidays of zone A (Bordeaux): summer and Christmas. */
export function schoolClosures(years: readonly number[]): ClosurePeriodInput[] {
  return years.flatMap((year) => [
    { from: day(year, 7, 4), to: day(year, 8, 31) },
    { from: day(year, 12, 19), to: day(year + 1, 1, 3) },
  ]);
}

export function associationClosures(random: Prng, years: readonly number[]): ClosurePeriodInput[] {
  return years.flatMap((year) => {
    const periods = [augustWeeks(random, year, random.int(2, 3))];
    if (random.chance(0.7)) periods.push(christmasWeek(year));
    return periods;
  });
}

export function epicerieClosures(random: Prng, years: readonly number[]): ClosurePeriodInput[] {
  return years.map((year) => augustWeeks(random, year, 2));
}

export function foodBankClosures(years: readonly number[]): ClosurePeriodInput[] {
  return years.map(christmasWeek);
}

export function ccasClosures(years: readonly number[]): ClosurePeriodInput[] {
  return years.flatMap((year) => [
    { from: day(year, 12, 25), to: day(year, 12, 25) },
    { from: day(year + 1, 1, 1), to: day(year + 1, 1, 1) },
  ]);
}
