import type { Provider } from '@nestjs/common';
import { RunSettings } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';

/** The runs' settings, from the validated configuration. */
export const RUN_SETTINGS_PROVIDER: Provider = {
  provide: RunSettings,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): RunSettings => ({
    kgTolerancePercent: config.runs.kgTolerancePercent,
    replanDebounceMs: config.runs.replanDebounceSeconds * 1000,
  }),
};
