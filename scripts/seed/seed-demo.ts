import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AcceptRun,
  AddMember,
  AddSite,
  AddVehicle,
  ClaimOffer,
  Clock,
  CreateOffer,
  CreateOrganization,
  CreatePlatformAdmin,
  OrganizationRepository,
  PasswordHasher,
  PlanRuns,
  PublishOffer,
  RegisterUser,
  SetDriverAvailability,
  SetRecipientProfile,
  UnitOfWork,
  UserRepository,
  VerifyOrganization,
} from '#application';
import type { AppConfig } from '#config';
import { DatabaseConnector } from '#persistence';
import { buildSeedPlan } from './seed-plan';
import type { SeedPlan } from './seed-plan.model';
import { runSeed, type SeedOutcome, type SeedServices } from './seed-runner';
import { SeedModule } from './seed.module';
import { loadTowns } from './towns';

const DATABASE_WAIT_MS = 30_000;

/**
 * Runs `work` inside the API's own module graph (no HTTP server): the seed gets exactly the use
 * cases, repositories and hasher the API uses, wired the same way.
 */
export async function withApplicationContext<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  try {
    await waitForDatabase(app.get(DatabaseConnector), config);
    return await work(app);
  } finally {
    await app.close();
  }
}

export function seedServices(app: INestApplicationContext): SeedServices {
  const get = <T>(token: abstract new (...args: never[]) => T): T => app.get<T>(token, { strict: false });
  return {
    createPlatformAdmin: get(CreatePlatformAdmin),
    registerUser: get(RegisterUser),
    createOrganization: get(CreateOrganization),
    addSite: get(AddSite),
    addMember: get(AddMember),
    setRecipientProfile: get(SetRecipientProfile),
    addVehicle: get(AddVehicle),
    setDriverAvailability: get(SetDriverAvailability),
    verifyOrganization: get(VerifyOrganization),
    createOffer: get(CreateOffer),
    publishOffer: get(PublishOffer),
    claimOffer: get(ClaimOffer),
    planRuns: get(PlanRuns),
    acceptRun: get(AcceptRun),
    users: get(UserRepository),
    organizations: get(OrganizationRepository),
    hasher: get(PasswordHasher),
    clock: get(Clock),
    unitOfWork: get(UnitOfWork),
  };
}

export interface DemoSeedResult {
  readonly plan: SeedPlan;
  readonly outcome: SeedOutcome;
  readonly durationMs: number;
}

/** Seeds the demo département into the database `config` names, unless it is there already. */
export async function seedDemo(config: AppConfig, now: Date = new Date()): Promise<DemoSeedResult> {
  const started = Date.now();
  const plan = buildSeedPlan(loadTowns(), now.getUTCFullYear());
  const outcome = await withApplicationContext(config, (app) => runSeed(seedServices(app), plan));
  return { plan, outcome, durationMs: Date.now() - started };
}

/** The connector retries in the background; the seed cannot work without the database, so it waits, within reason. */
async function waitForDatabase(connector: DatabaseConnector, config: AppConfig): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`PostgreSQL is unreachable at ${redact(config.databaseUrl)} after ${DATABASE_WAIT_MS / 1000} s`)),
      DATABASE_WAIT_MS,
    );
  });
  try {
    await Promise.race([connector.whenConnected(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
