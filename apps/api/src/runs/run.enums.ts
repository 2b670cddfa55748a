import { registerEnumType } from '@nestjs/graphql';
import { RunStatus, StopEventKind, StopKind } from '#domain';
import { UNSERVED_PICKUP_REASONS, type UnservedPickupReason } from '#application';

// The GraphQL enums are the domain's own const objects, so the two cannot drift apart.
registerEnumType(RunStatus, {
  name: 'RunStatus',
  description: 'PLANNED (open, no driver), ASSIGNED (a driver has it), IN_PROGRESS (on the road), COMPLETED, CANCELLED (dropped by a re-plan).',
});
registerEnumType(StopKind, { name: 'StopKind', description: 'COLLECT at a donor’s site, DELIVER at the recipient’s.' });
registerEnumType(StopEventKind, { name: 'StopEventKind', description: 'What is recorded at a stop, in order: ARRIVED, then one outcome.' });

/** libs/routing's reasons, as a GraphQL enum. */
export const UnservedReason = Object.fromEntries(UNSERVED_PICKUP_REASONS.map((reason) => [reason, reason])) as { [R in UnservedPickupReason]: R };
registerEnumType(UnservedReason, { name: 'UnservedReason', description: 'Why the planning put a pickup in no run.' });

export { RunStatus, StopEventKind, StopKind };
