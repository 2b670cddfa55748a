import 'reflect-metadata';
import { loadConfig } from '#config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI only (migration:generate|run|revert); the app builds its own from the same options. */
export default new DataSource(buildDataSourceOptions(loadConfig()));
