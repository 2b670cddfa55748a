import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { loadConfig } from './load-config';

/** Injection token for the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The one global module: the validated configuration is a value that every infrastructure module
 * reads in its factories, and only the app's root can supply it (tests pass their own). Everything
 * else is wired by explicit imports.
 */
@Global()
@Module({})
export class ConfigModule {
  /** Tests pass their own config; processes load it from the environment. */
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
