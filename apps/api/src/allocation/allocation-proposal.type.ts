import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/date.scalar';
import { OfferItemType, OfferType } from '../offers/offer.type';

@ObjectType('ProposedClaimLine')
export class ProposedClaimLineType {
  @Field(() => OfferItemType) item!: OfferItemType;
  @Field(() => Float, { description: 'Rounded down to the gram.' }) quantityKg!: number;
}

/** `recipient` is resolved by ProposedClaimFieldsResolver through the per-request loader. */
@ObjectType('ProposedClaim', { description: 'What one recipient would claim of one offer if the proposal is followed. Not applied.' })
export class ProposedClaimType {
  @Field(() => OfferType) offer!: OfferType;
  @Field(() => [ProposedClaimLineType]) lines!: ProposedClaimLineType[];
  @Field(() => Float) totalKg!: number;
  @Field(() => Float, { description: 'From the donor site to the nearest recipient site that receives goods that day (PostGIS).' })
  distanceKm!: number;
  recipientOrganizationId!: string;
}

@ObjectType('AllocationFigures', {
  description:
    'weightedValue = Σ kg × perishability weight (1 to 3); distanceCost = λ × Σ kg × km in the same unit; objective = weightedValue − distanceCost (what is maximised); distanceKm = Σ of the claims’ distances.',
})
export class AllocationFiguresType {
  @Field(() => Float) totalKg!: number;
  @Field(() => Float) weightedValue!: number;
  @Field(() => Float) distanceCost!: number;
  @Field(() => Float) objective!: number;
  @Field(() => Float) distanceKm!: number;
  @Field(() => Int) claimCount!: number;
}

@ObjectType('AllocationProposal', {
  description:
    'A split of the open offers of a coordinator’s area among the recipients of that area for one day, maximising kg saved weighted by perishability minus a distance cost, within every capacity. Nothing is claimed. Platform admins read the whole proposal; a member reads its own organisation’s lines only, and every figure is then of those lines.',
})
export class AllocationProposalType {
  @Field(() => DateScalar) day!: string;
  @Field(() => [ProposedClaimType], { description: 'Heaviest first.' }) proposedClaims!: ProposedClaimType[];
  @Field(() => Float, { description: 'Kg redistributed by the proposal.' }) totalKg!: number;
  @Field(() => Float, { description: 'Σ kg × perishability weight (1 for food with days left, up to 3 for food lost now).' })
  weightedValue!: number;
  @Field(() => Float, { description: 'λ × Σ kg × km, in the unit of weightedValue (λ = distanceCostPerKgKm).' }) distanceCost!: number;
  @Field(() => Float, { description: 'Σ of the proposed claims’ distances: km of direct trips, one per claim.' }) distanceCostKm!: number;
  @Field(() => Float, { description: 'weightedValue − distanceCost: what the allocator maximises.' }) objective!: number;
  @Field(() => Float, { description: 'Kg a naive nearest-first greedy dispatch would redistribute, for comparison.' }) greedyTotalKg!: number;
  @Field(() => AllocationFiguresType, { description: 'The proposal’s figures.' }) optimal!: AllocationFiguresType;
  @Field(() => AllocationFiguresType, { description: 'The naive nearest-first greedy’s figures on the same problem.' }) greedy!: AllocationFiguresType;
  @Field(() => Int) offerCount!: number;
  @Field(() => Int) itemCount!: number;
  @Field(() => Int, { nullable: true, description: 'Recipients of the area; null unless the caller is a platform admin.' }) recipientCount!: number | null;
  @Field(() => Float, { nullable: true, description: 'Kg of the open items no eligible recipient had room for; null unless the caller is a platform admin.' })
  unallocatedKg!: number | null;
  @Field(() => Float) distanceCostPerKgKm!: number;
}
