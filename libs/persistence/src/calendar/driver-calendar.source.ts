import { Injectable } from '@nestjs/common';
import { DriverCalendarSource, type CalendarEntry } from '#application';
import { PARIS_ZONE } from '#domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';

interface RunRow {
  readonly id: string;
  readonly planned_start: Date;
  readonly planned_end: Date;
  readonly updated_at: Date;
  readonly version: number;
  readonly stops: Array<{ name: string; address: string; at: string }>;
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_ZONE, hour: '2-digit', minute: '2-digit' });

/**
 * A driver's calendar entries are the runs they drive (not cancelled), one event each, identified by
 * the run (so calendar apps update it rather than add another) and versioned by the run's version.
 * Data, not wording: the title is the route (the sites in order), the description one line per
 * stop with its planned time in Paris, the location the first site's address.
 */
@Injectable()
export class SqlDriverCalendarSource extends DriverCalendarSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async entriesFor(userId: string, from: Date, until: Date): Promise<CalendarEntry[]> {
    if (!isUuid(userId)) return [];
    const rows = await currentManager(this.dataSource).query<RunRow[]>(
      `SELECT r.id, r.planned_start, r.planned_end, r.updated_at, r.version,
         (SELECT json_agg(json_build_object('name', st.name, 'address', st.address, 'at', s.planned_arrival) ORDER BY s.sequence)
            FROM run_stops s JOIN sites st ON st.id = s.site_id WHERE s.run_id = r.id) AS stops
       FROM runs r
       WHERE r.driver_user_id = $1 AND r.status <> 'CANCELLED' AND r.planned_end > $2 AND r.planned_start < $3
       ORDER BY r.planned_start, r.id`,
      [userId, from, until],
    );
    return rows.map((row) => {
      const stops = row.stops ?? [];
      const route = stops.map((stop) => stop.name).filter((name, index, names) => index === 0 || names[index - 1] !== name);
      return {
        uid: `run-${row.id}@glane`,
        start: row.planned_start,
        end: row.planned_end,
        title: route.join(' → '),
        location: stops[0]?.address ?? null,
        description: stops.map((stop) => `${TIME.format(new Date(stop.at))} ${stop.name}, ${stop.address}`).join('\n'),
        updatedAt: row.updated_at,
        sequence: row.version,
      };
    });
  }
}
