import type { CalendarDay, Run } from '#domain';

export abstract class RunRepository {
  /** Inserts the run and its stops; its changes become live notices after commit (outbox), in the caller's transaction. */
  abstract add(run: Run): Promise<void>;

  /** Writes the run's status, driver and route (its stops, replaced when re-planned), and its changes' notices. */
  abstract update(run: Run): Promise<void>;

  /**
   * Unknown or malformed ids are not found. `forUpdate` locks the run's row until the transaction
   * ends: two drivers accepting one run go one after the other.
   */
  abstract findById(id: string, options?: { readonly forUpdate?: boolean }): Promise<Run | undefined>;

  /** The run that has this stop; `forUpdate` as findById. */
  abstract findByStopId(stopId: string, options?: { readonly forUpdate?: boolean }): Promise<Run | undefined>;

  /** The runs of a recipient's day, every status, by planned start; locked with `forUpdate`. */
  abstract ofDay(organizationId: string, day: CalendarDay, options?: { readonly forUpdate?: boolean }): Promise<Run[]>;

  /**
   * Serialises the planning of one recipient's day across every API instance and worker: held
   * until the transaction ends.
   */
  abstract lockDay(organizationId: string, day: CalendarDay): Promise<void>;

  /** The runs this person drives that day (not cancelled), and the open ones of the organisations they drive for. */
  abstract forDriver(userId: string, day: CalendarDay): Promise<Run[]>;
}
