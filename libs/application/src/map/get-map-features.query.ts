import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { Clock } from '../ports/clock.port';
import { RateLimiter } from '../ports/rate-limiter.port';
import { parseBoundingBox, parseMapLayers, type BoundingBox } from './bounding-box';
import { MapAccessPolicy } from './map-access.policy';
import { MapFeatureSource, type MapOffer, type MapRecipientSite } from './map-feature-source.port';

/** Features per response, all layers together: what a map client draws without clustering. */
export const MAX_MAP_FEATURES = 2000;

export interface GetMapFeaturesQuery {
  readonly actor: Actor | undefined;
  /** `minLon,minLat,maxLon,maxLat`, as received. */
  readonly bbox: unknown;
  /** `offers,recipients`, as received; every layer when absent. */
  readonly layers?: unknown;
}

export interface MapFeatures {
  readonly box: BoundingBox;
  readonly offers: readonly MapOffer[];
  readonly recipientSites: readonly MapRecipientSite[];
  /** More features matched than MAX_MAP_FEATURES: the client should zoom in. */
  readonly truncated: boolean;
}

/**
 * The live map: open offers and recipient sites within a box. Who may read it is MapAccessPolicy's
 * rule (platform admins, members of verified organisations); organisations nobody has verified never
 * appear on it (MapFeatureSource). Order of the checks: signed in, then the parameters (a bad box is
 * refused before anything is counted or read), then the access rule, then the caller's budget
 * (RateLimiter 'mapFeatures'). Offers come first within the feature budget.
 */
@Injectable()
export class GetMapFeatures {
  constructor(
    private readonly source: MapFeatureSource,
    private readonly clock: Clock,
    private readonly access: MapAccessPolicy,
    private readonly limiter: RateLimiter,
  ) {}

  async execute(query: GetMapFeaturesQuery): Promise<MapFeatures> {
    const actor = query.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED', 'authorization');
    const box = parseBoundingBox(query.bbox);
    const layers = parseMapLayers(query.layers);
    await this.access.assertMayRead(actor);
    await this.limiter.consume('mapFeatures', actor.userId);
    let budget = MAX_MAP_FEATURES;
    let truncated = false;
    let offers: MapOffer[] = [];
    if (layers.has('offers')) {
      // One more than the budget tells whether there were more.
      offers = await this.source.openOffersWithin(box, this.clock.now(), budget + 1);
      if (offers.length > budget) {
        offers = offers.slice(0, budget);
        truncated = true;
      }
      budget -= offers.length;
    }
    let recipientSites: MapRecipientSite[] = [];
    if (layers.has('recipients')) {
      recipientSites = await this.source.recipientSitesWithin(box, budget + 1);
      if (recipientSites.length > budget) {
        recipientSites = recipientSites.slice(0, budget);
        truncated = true;
      }
    }
    return { box, offers, recipientSites, truncated };
  }
}
