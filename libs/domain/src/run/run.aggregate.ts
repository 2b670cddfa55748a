import { DomainError } from '../errors/domain-error';
import { roundKg } from '../shared/kilograms';
import type { CalendarDay } from '../shared/paris-calendar';
import { TEMPERATURE_CLASSES, type TemperatureClass } from '../shared/temperature-class';
import { RunStatus, StopEventKind, StopKind, isRunStatus } from './run-status';
import { RunEvent, nextRunStatus } from './run-status.machine';
import { deliveryShortfallKg } from './delivery-shortfall';
import type { RefusalReason, StopReading } from './stop-reading.value-object';

/** The vehicle a run was planned for. */
export interface RunVehicle {
  /** Which vehicle of the day's plan: a fleet vehicle's id, or `input-<n>` for the n-th vehicle given to planning. */
  readonly key: string;
  /** The fleet vehicle, when it is one. */
  readonly vehicleId: string | null;
  readonly capacityKg: number;
  readonly refrigerated: boolean;
  /** How long chilled goods may ride in its insulated boxes; null without boxes. */
  readonly insulatedBoxMaxMinutes: number | null;
}

/** What was recorded at a stop (docs/domain-rules.md, Pickup runs). */
export interface StopEventRecord {
  readonly kind: StopEventKind;
  readonly at: Date;
  readonly recordedBy: string;
  readonly quantityKg: number | null;
  readonly temperatureC: number | null;
  readonly note: string | null;
  /** The reading is warmer than the goods' cold-chain limit (docs/domain-rules.md, Cold chain). */
  readonly temperatureOutOfLimit: boolean;
  /**
   * Kilos refused here, and why: all the stop's goods for REFUSED (as collected, or as claimed when
   * refused at collection), what a DELIVERED fell short of the collection by; null otherwise.
   */
  readonly refusedKg: number | null;
  readonly refusalReason: RefusalReason | null;
}

/** What the run must know of the goods to judge a stop event: how many kilos over the claim are tolerated, and their cold-chain limit. */
export interface StopEventRules {
  /**
   * Scales and estimates differ a little: a reading up to this much above the claimed kilos (at
   * collection) or the collected ones (at delivery) is accepted.
   */
  readonly kgTolerancePercent: number;
  /** The warmest reading allowed for the goods of the stop; null when they need no cold. */
  readonly temperatureLimitC: number | null;
}

/** What may be recorded at each kind of stop; ARRIVED first if at all, then one outcome. */
const EVENTS_AT: Readonly<Record<StopKind, readonly StopEventKind[]>> = {
  COLLECT: [StopEventKind.ARRIVED, StopEventKind.COLLECTED, StopEventKind.REFUSED, StopEventKind.NO_SHOW],
  DELIVER: [StopEventKind.ARRIVED, StopEventKind.DELIVERED, StopEventKind.REFUSED, StopEventKind.NO_SHOW],
};
const OUTCOMES: readonly StopEventKind[] = [StopEventKind.COLLECTED, StopEventKind.DELIVERED, StopEventKind.REFUSED, StopEventKind.NO_SHOW];

/** One stop of a run: one claim's goods collected at the donor's site, or delivered at the recipient's. */
export interface RunStop {
  readonly id: string;
  /** 1 for the first stop. */
  readonly sequence: number;
  readonly kind: StopKind;
  readonly organizationId: string;
  readonly siteId: string;
  readonly claimId: string;
  readonly pickupId: string;
  readonly plannedArrival: Date;
  /** When the driver should leave again (the end of the planned service). */
  readonly plannedDeparture: Date;
  /** The collection window (the offer's) or the delivery window (the recipient's receiving hours). */
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly kgByTemperature: Readonly<Record<TemperatureClass, number>>;
  readonly events: readonly StopEventRecord[];
}

/** A run's planned route: when it leaves and comes back, how far it goes, its stops in order. */
export interface RunRoute {
  readonly plannedStart: Date;
  readonly plannedEnd: Date;
  readonly distanceKm: number;
  readonly stops: readonly Omit<RunStop, 'events'>[];
}

export interface RunSnapshot {
  readonly id: string;
  /** The recipient whose day it is: its vehicles, drivers and coordinators. */
  readonly organizationId: string;
  readonly day: CalendarDay;
  /** The recipient's site the run leaves from and delivers to. */
  readonly depotSiteId: string;
  /**
   * Which vehicle, depot and receiving window of the day this run serves: a re-plan updates the run
   * of the same slot in place, so a driver keeps their run (and its id) when the plan allows.
   */
  readonly slot: string;
  readonly status: RunStatus;
  readonly driverUserId: string | null;
  /** Drivers who gave this run back: it is not given to them again. */
  readonly withdrawnDriverUserIds: readonly string[];
  readonly vehicle: RunVehicle;
  readonly plannedStart: Date;
  readonly plannedEnd: Date;
  readonly distanceKm: number;
  readonly stops: readonly RunStop[];
  readonly createdAt: Date;
  readonly statusChangedAt: Date;
}

export interface NewRunInput {
  readonly id: string;
  readonly organizationId: string;
  readonly day: CalendarDay;
  readonly depotSiteId: string;
  readonly slot: string;
  readonly vehicle: RunVehicle;
  readonly route: RunRoute;
}

/** Why a run's driver left it. */
export type RunReleaseReason = 'WITHDRAWN' | 'UNAVAILABLE';

export const RunChangeKind = {
  PLANNED: 'PLANNED',
  REPLANNED: 'REPLANNED',
  ASSIGNED: 'ASSIGNED',
  RELEASED: 'RELEASED',
  STARTED: 'STARTED',
  STOP_RECORDED: 'STOP_RECORDED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type RunChangeKind = (typeof RunChangeKind)[keyof typeof RunChangeKind];

/** Something that happened to a run; the repository turns these into live notices after commit. */
export interface RunChange {
  readonly kind: RunChangeKind;
  readonly runId: string;
  readonly occurredAt: Date;
  readonly actorUserId: string | null;
  /** For RELEASED: the driver who left, and why. */
  readonly releasedDriverUserId?: string;
  readonly releaseReason?: RunReleaseReason;
}

/**
 * A run (tournée): one vehicle, at most one driver, an ordered list of stops on one Paris day of one
 * recipient. It guards its lifecycle (run-status.machine): who may take it, when it may still be
 * re-planned, and records what happened as RunChanges.
 */
export class Run {
  private changes: RunChange[] = [];

  private constructor(private state: RunSnapshot) {}

  static plan(input: NewRunInput, now: Date): Run {
    const run = new Run({
      id: input.id,
      organizationId: input.organizationId,
      day: input.day,
      depotSiteId: input.depotSiteId,
      slot: input.slot,
      status: RunStatus.PLANNED,
      driverUserId: null,
      withdrawnDriverUserIds: [],
      vehicle: Object.freeze({ ...input.vehicle }),
      ...checkedRoute(input.id, input.route),
      createdAt: new Date(now.getTime()),
      statusChangedAt: new Date(now.getTime()),
    });
    run.record(RunChangeKind.PLANNED, now, null);
    return run;
  }

  /** Back from storage; a broken snapshot is corrupt data, hence a plain Error. */
  static restore(snapshot: RunSnapshot): Run {
    if (!isRunStatus(snapshot.status)) throw new Error(`Run ${snapshot.id}: unknown status ${String(snapshot.status)}`);
    if ((snapshot.status === RunStatus.PLANNED) !== (snapshot.driverUserId === null) && snapshot.status !== RunStatus.CANCELLED) {
      throw new Error(`Run ${snapshot.id}: status ${snapshot.status} with driver ${String(snapshot.driverUserId)}`);
    }
    return new Run({ ...snapshot, stops: Object.freeze([...snapshot.stops]) });
  }

  get id(): string {
    return this.state.id;
  }

  get organizationId(): string {
    return this.state.organizationId;
  }

  get day(): CalendarDay {
    return this.state.day;
  }

  get slot(): string {
    return this.state.slot;
  }

  get status(): RunStatus {
    return this.state.status;
  }

  get driverUserId(): string | null {
    return this.state.driverUserId;
  }

  get withdrawnDriverUserIds(): readonly string[] {
    return this.state.withdrawnDriverUserIds;
  }

  get vehicle(): RunVehicle {
    return this.state.vehicle;
  }

  get plannedStart(): Date {
    return new Date(this.state.plannedStart.getTime());
  }

  get plannedEnd(): Date {
    return new Date(this.state.plannedEnd.getTime());
  }

  get stops(): readonly RunStop[] {
    return this.state.stops;
  }

  /** Not on the road yet: a re-plan may still change or cancel it. */
  get isReplannable(): boolean {
    return this.state.status === RunStatus.PLANNED || this.state.status === RunStatus.ASSIGNED;
  }

  toSnapshot(): RunSnapshot {
    return { ...this.state, stops: [...this.state.stops] };
  }

  /**
   * A driver takes the run. Taking one's own run again changes nothing; a run someone else has is
   * RUN_ALREADY_TAKEN, one that is not open any more (on the road, done, cancelled) RUN_NOT_OPEN.
   */
  accept(driverUserId: string, now: Date): void {
    if (this.state.driverUserId === driverUserId && this.state.status === RunStatus.ASSIGNED) return;
    if (this.state.status === RunStatus.ASSIGNED) throw new DomainError('RUN_ALREADY_TAKEN', 'id');
    if (this.state.status !== RunStatus.PLANNED) throw new DomainError('RUN_NOT_OPEN', 'id', { status: this.state.status });
    this.assign(driverUserId, driverUserId, now);
  }

  /** The planner gives the open run to an available driver. */
  assign(driverUserId: string, actorUserId: string | null, now: Date): void {
    this.transition(RunEvent.ASSIGN, now);
    this.state = { ...this.state, driverUserId };
    this.record(RunChangeKind.ASSIGNED, now, actorUserId);
  }

  /** The driver leaves the run before it starts (withdrawal, or no longer available after a re-plan): open again. */
  release(reason: RunReleaseReason, actorUserId: string | null, now: Date): void {
    const driver = this.state.driverUserId;
    this.transition(RunEvent.RELEASE, now);
    const withdrawn = reason === 'WITHDRAWN' && driver !== null && !this.state.withdrawnDriverUserIds.includes(driver);
    this.state = {
      ...this.state,
      driverUserId: null,
      withdrawnDriverUserIds: withdrawn ? [...this.state.withdrawnDriverUserIds, driver] : this.state.withdrawnDriverUserIds,
    };
    this.changes.push({
      kind: RunChangeKind.RELEASED,
      runId: this.state.id,
      occurredAt: new Date(now.getTime()),
      actorUserId,
      ...(driver === null ? {} : { releasedDriverUserId: driver }),
      releaseReason: reason,
    });
  }

  /**
   * A re-plan gives the run a new route (same slot). Only before it starts; true when anything the
   * driver follows changed (stops, their order or times).
   */
  replan(route: RunRoute, now: Date): boolean {
    if (!this.isReplannable) throw new DomainError('ILLEGAL_RUN_TRANSITION', undefined, { from: this.state.status, event: 'REPLAN' });
    const checked = checkedRoute(this.state.id, route);
    if (sameRoute(this.state, checked)) return false;
    this.state = { ...this.state, ...checked };
    this.record(RunChangeKind.REPLANNED, now, null);
    return true;
  }

  /**
   * Records what happened at a stop, in order and each once: ARRIVED (if at all) before the
   * outcome, one outcome per stop, and a delivery only of goods collected on this run. Collected
   * kilos may exceed the stop's load only by the tolerance; delivered kilos are judged against the
   * collected ones (deliveryShortfallKg: above by the tolerance at most, below only with a refusal
   * reason for the rest). Chilled and frozen goods need a reading, flagged when warmer than their
   * limit. The run is on the road from its first event and done when every stop is (a delivery
   * whose collection did not happen has nothing left to do).
   */
  recordStopEvent(stopId: string, reading: StopReading, rules: StopEventRules, actorUserId: string, now: Date): StopEventRecord {
    const stop = this.state.stops.find((candidate) => candidate.id === stopId);
    if (stop === undefined) throw new Error(`Run ${this.state.id} has no stop ${stopId}`);
    if (this.state.status === RunStatus.PLANNED) throw new DomainError('RUN_HAS_NO_DRIVER', 'stopId');
    if (this.state.status !== RunStatus.ASSIGNED && this.state.status !== RunStatus.IN_PROGRESS) {
      throw new DomainError('RUN_NOT_OPEN', 'stopId', { status: this.state.status });
    }
    if (!EVENTS_AT[stop.kind].includes(reading.kind)) throw new DomainError('STOP_EVENT_NOT_FOR_STOP', 'kind', { stopKind: stop.kind });
    if (stop.events.some((event) => event.kind === reading.kind)) throw new DomainError('STOP_EVENT_ALREADY_RECORDED', 'kind');
    if (outcomeOf(stop) !== null) throw new DomainError('STOP_EVENT_OUT_OF_ORDER', 'kind', { reason: 'the stop is already done' });
    const collection = stop.kind === StopKind.DELIVER ? this.collectionOf(stop) : null;
    if (stop.kind === StopKind.DELIVER && collection?.kind !== StopEventKind.COLLECTED) {
      throw new DomainError('STOP_EVENT_OUT_OF_ORDER', 'kind', { reason: 'these goods have not been collected' });
    }
    // What a delivery is judged against, and what a refusal there sends back: the kilos collected.
    const loadKg = collection?.quantityKg ?? stopLoadKg(stop);
    let refusedKg: number | null = reading.kind === StopEventKind.REFUSED ? loadKg : null;
    if (reading.kind === StopEventKind.DELIVERED) {
      const shortfallKg = deliveryShortfallKg(loadKg, reading, rules.kgTolerancePercent);
      refusedKg = shortfallKg > 0 ? shortfallKg : null;
    } else if (reading.quantityKg !== null) {
      const maxKg = roundKg(loadKg * (1 + rules.kgTolerancePercent / 100));
      if (reading.quantityKg > maxKg) throw new DomainError('QUANTITY_ABOVE_CLAIMED', 'quantityKg', { claimedKg: loadKg, maxKg });
    }
    const cold = stop.kgByTemperature.CHILLED > 0 || stop.kgByTemperature.FROZEN > 0;
    if (cold && reading.temperatureC === null && (reading.kind === StopEventKind.COLLECTED || reading.kind === StopEventKind.DELIVERED)) {
      throw new DomainError('TEMPERATURE_REQUIRED', 'temperatureC');
    }
    const event: StopEventRecord = Object.freeze({
      kind: reading.kind,
      at: new Date(now.getTime()),
      recordedBy: actorUserId,
      quantityKg: reading.quantityKg,
      temperatureC: reading.temperatureC,
      note: reading.note,
      temperatureOutOfLimit: reading.temperatureC !== null && rules.temperatureLimitC !== null && reading.temperatureC > rules.temperatureLimitC,
      refusedKg,
      refusalReason: refusedKg === null ? null : (reading.refusal?.reason ?? null),
    });
    this.state = {
      ...this.state,
      stops: Object.freeze(
        this.state.stops.map((candidate) => (candidate.id === stopId ? Object.freeze({ ...candidate, events: [...candidate.events, event] }) : candidate)),
      ),
    };
    if (this.state.status === RunStatus.ASSIGNED) {
      this.transition(RunEvent.START, now);
      this.record(RunChangeKind.STARTED, now, actorUserId);
    }
    this.record(RunChangeKind.STOP_RECORDED, now, actorUserId);
    if (this.state.stops.every((candidate) => this.isDone(candidate))) {
      this.transition(RunEvent.COMPLETE, now);
      this.record(RunChangeKind.COMPLETED, now, actorUserId);
    }
    return event;
  }

  /** A stop with its outcome recorded, or a delivery with nothing to deliver (its collection was refused or nobody came). */
  isDone(stop: RunStop): boolean {
    if (outcomeOf(stop) !== null) return true;
    if (stop.kind !== StopKind.DELIVER) return false;
    const collection = this.collectionOf(stop);
    return collection !== null && collection.kind !== StopEventKind.COLLECTED;
  }

  /** The outcome recorded at the collection of a delivery's claim on this run, if any. */
  private collectionOf(deliver: RunStop): StopEventRecord | null {
    const collect = this.state.stops.find((candidate) => candidate.kind === StopKind.COLLECT && candidate.claimId === deliver.claimId);
    return collect === undefined ? null : outcomeEventOf(collect);
  }

  /** A re-plan has no route for the run any more. */
  cancel(now: Date): void {
    this.transition(RunEvent.CANCEL, now);
    this.record(RunChangeKind.CANCELLED, now, null);
  }

  pullChanges(): RunChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  private transition(event: RunEvent, now: Date): void {
    const status = nextRunStatus(this.state.status, event);
    this.state = { ...this.state, status, statusChangedAt: new Date(now.getTime()) };
  }

  private record(kind: RunChangeKind, now: Date, actorUserId: string | null): void {
    this.changes.push({ kind, runId: this.state.id, occurredAt: new Date(now.getTime()), actorUserId });
  }
}

/** The outcome recorded at a stop, if any. */
export function outcomeOf(stop: Pick<RunStop, 'events'>): StopEventKind | null {
  return outcomeEventOf(stop)?.kind ?? null;
}

function outcomeEventOf(stop: Pick<RunStop, 'events'>): StopEventRecord | null {
  return stop.events.find((event) => OUTCOMES.includes(event.kind)) ?? null;
}

/** Total kilos of a stop. */
export function stopLoadKg(stop: Pick<RunStop, 'kgByTemperature'>): number {
  return roundKg(TEMPERATURE_CLASSES.reduce((sum, temperature) => sum + stop.kgByTemperature[temperature], 0));
}

/**
 * A route the driver can follow: at least one stop, numbered 1…n in order, every claim collected
 * before it is delivered and each once. The planner builds such routes; anything else is a bug.
 */
function checkedRoute(runId: string, route: RunRoute): Pick<RunSnapshot, 'plannedStart' | 'plannedEnd' | 'distanceKm' | 'stops'> {
  if (route.stops.length === 0) throw new Error(`Run ${runId}: a run has at least one stop`);
  const collected = new Set<string>();
  const delivered = new Set<string>();
  route.stops.forEach((stop, index) => {
    if (stop.sequence !== index + 1) throw new Error(`Run ${runId}: stop ${stop.id} is number ${stop.sequence}, not ${index + 1}`);
    const seen = stop.kind === StopKind.COLLECT ? collected : delivered;
    if (seen.has(stop.claimId)) throw new Error(`Run ${runId}: claim ${stop.claimId} has two ${stop.kind} stops`);
    if (stop.kind === StopKind.DELIVER && !collected.has(stop.claimId)) throw new Error(`Run ${runId}: claim ${stop.claimId} delivered before it is collected`);
    seen.add(stop.claimId);
  });
  if (collected.size !== delivered.size) throw new Error(`Run ${runId}: every claim collected must be delivered`);
  return {
    plannedStart: new Date(route.plannedStart.getTime()),
    plannedEnd: new Date(route.plannedEnd.getTime()),
    distanceKm: Math.round(route.distanceKm * 1000) / 1000,
    stops: Object.freeze(route.stops.map((stop) => Object.freeze({ ...stop, kgByTemperature: Object.freeze({ ...stop.kgByTemperature }), events: [] }))),
  };
}

/** The same stops in the same order at the same times, and the same start and end. */
function sameRoute(current: RunSnapshot, next: Pick<RunSnapshot, 'plannedStart' | 'plannedEnd' | 'stops'>): boolean {
  if (current.plannedStart.getTime() !== next.plannedStart.getTime() || current.plannedEnd.getTime() !== next.plannedEnd.getTime()) return false;
  if (current.stops.length !== next.stops.length) return false;
  return current.stops.every((stop, index) => {
    const other = next.stops[index];
    return (
      other !== undefined &&
      stop.kind === other.kind &&
      stop.claimId === other.claimId &&
      stop.plannedArrival.getTime() === other.plannedArrival.getTime() &&
      stop.plannedDeparture.getTime() === other.plannedDeparture.getTime()
    );
  });
}
