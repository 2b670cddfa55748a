import { Injectable } from '@nestjs/common';
import { GeoPoint, OpeningHours, parseClosurePeriods, parseOptionalText, parseRequiredText, type ClosurePeriodInput, type OpeningDayInput } from '#domain';
import type { Site } from './organization.model';
import { SiteRepository } from './site-repository.port';

export const MAX_SITE_NAME_LENGTH = 200;
export const MAX_ADDRESS_LENGTH = 500;
export const MAX_ACCESS_INSTRUCTIONS_LENGTH = 2000;

export interface AddSiteCommand {
  /** The API checks that the caller is an ADMIN of it before calling. */
  readonly organizationId: string;
  readonly name: string;
  readonly address: string;
  readonly location: { readonly latitude: number; readonly longitude: number };
  /** Omitted: no hours yet (nothing can be scheduled there until they are given). */
  readonly openingHours?: readonly OpeningDayInput[] | null;
  readonly closures?: readonly ClosurePeriodInput[] | null;
  readonly accessInstructions?: string | null;
}

@Injectable()
export class AddSite {
  constructor(private readonly sites: SiteRepository) {}

  async execute(command: AddSiteCommand): Promise<Site> {
    const name = parseRequiredText(command.name, 'name', { code: 'INVALID_SITE_NAME', max: MAX_SITE_NAME_LENGTH });
    const address = parseRequiredText(command.address, 'address', { code: 'INVALID_ADDRESS', max: MAX_ADDRESS_LENGTH, multiline: true });
    const location = GeoPoint.of(command.location.latitude, command.location.longitude, 'location');
    const openingHours = OpeningHours.parse(command.openingHours ?? [], 'openingHours');
    const closures = parseClosurePeriods(command.closures ?? [], 'closures');
    const accessInstructions = parseOptionalText(command.accessInstructions, 'accessInstructions', {
      code: 'INVALID_ACCESS_INSTRUCTIONS',
      max: MAX_ACCESS_INSTRUCTIONS_LENGTH,
      multiline: true,
    });
    return this.sites.add({ organizationId: command.organizationId, name, address, location, openingHours, closures, accessInstructions });
  }
}
