import { Controller, Get, Header, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { GetMapFeatures } from '#application';
import type { FastifyRequest } from 'fastify';
import { BearerTokenGuard } from '../http/bearer-token.guard';
import { HttpJsonExceptionFilter } from '../http/http-json-exception.filter';
import { requestActor } from '../http/request-actor';
import { presentMapFeatures, type MapFeatureCollection } from './map-feature.presenter';

/**
 * The live map feed: `GET /map/features?bbox=minLon,minLat,maxLon,maxLat[&layers=offers,recipients]`
 * answers a GeoJSON FeatureCollection (RFC 7946) of open offers and recipient sites in the box.
 * REST rather than GraphQL because map libraries load GeoJSON from a URL as is.
 */
@Controller('map')
@UseGuards(BearerTokenGuard)
@UseFilters(HttpJsonExceptionFilter)
export class MapFeaturesController {
  constructor(private readonly getMapFeatures: GetMapFeatures) {}

  @Get('features')
  @Header('Content-Type', 'application/geo+json; charset=utf-8')
  // Live data, and per caller: no shared cache may keep it.
  @Header('Cache-Control', 'private, no-store')
  async features(@Req() request: FastifyRequest, @Query('bbox') bbox: unknown, @Query('layers') layers: unknown): Promise<MapFeatureCollection> {
    return presentMapFeatures(await this.getMapFeatures.execute({ actor: requestActor(request), bbox, layers }));
  }
}
