import { EnablePostgis1763800000000 } from './1763800000000-enable-postgis';
import { Outbox1763800000100 } from './1763800000100-outbox';
import { Accounts1763800001000 } from './1763800001000-accounts';
import { Organizations1763800002000 } from './1763800002000-organizations';
import { Offers1763800003000 } from './1763800003000-offers';
import { RecipientServiceAreas1763800003200 } from './1763800003200-recipient-service-areas';
import { SessionLifetime1763800004000 } from './1763800004000-session-lifetime';
import { EmailVerification1763800005000 } from './1763800005000-email-verification';
import { LegalIdVetting1763800005100 } from './1763800005100-legal-id-vetting';
import { Claims1763800006000 } from './1763800006000-claims';
import { DistanceFunctions1763800007000 } from './1763800007000-distance-functions';
import { Fleet1763800010000 } from './1763800010000-fleet';
import { OfferItemsLeft1763800012000 } from './1763800012000-offer-items-left';
import { Runs1763800013000 } from './1763800013000-runs';
import { StopEvents1763800013100 } from './1763800013100-stop-events';
import { RunWithdrawals1763800013200 } from './1763800013200-run-withdrawals';
import { PartialRefusals1763800014500 } from './1763800014500-partial-refusals';
import { OfferItemsLeftPlpgsql1763800015000 } from './1763800015000-offer-items-left-plpgsql';
import { WriteGuards1763800016000 } from './1763800016000-write-guards';
import { DropRedundantClaimsOfferIndex1763800016100 } from './1763800016100-drop-redundant-claims-offer-index';

/** Every migration, oldest first. TypeORM 1.x takes classes, not file globs. */
export const MIGRATIONS = [
  EnablePostgis1763800000000,
  Outbox1763800000100,
  Accounts1763800001000,
  Organizations1763800002000,
  Offers1763800003000,
  RecipientServiceAreas1763800003200,
  SessionLifetime1763800004000,
  EmailVerification1763800005000,
  LegalIdVetting1763800005100,
  Claims1763800006000,
  DistanceFunctions1763800007000,
  Fleet1763800010000,
  OfferItemsLeft1763800012000,
  Runs1763800013000,
  StopEvents1763800013100,
  RunWithdrawals1763800013200,
  PartialRefusals1763800014500,
  OfferItemsLeftPlpgsql1763800015000,
  WriteGuards1763800016000,
  DropRedundantClaimsOfferIndex1763800016100,
];
