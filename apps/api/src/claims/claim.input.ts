import { Field, Float, ID, InputType } from '@nestjs/graphql';

@InputType('ClaimLineInput')
export class ClaimLineInput {
  @Field(() => ID, { description: 'An item of the offer, at most once per claim.' }) itemId!: string;
  @Field(() => Float, { description: 'More than 0, at most what remains of the item.' }) quantityKg!: number;
}

@InputType('ClaimOfferInput', {
  description: 'Without lines, the claim takes everything that remains. The same idempotencyKey always returns the same claim.',
})
export class ClaimOfferInput {
  @Field(() => ID) offerId!: string;
  @Field(() => ID, { description: 'The verified recipient you claim for (as its ADMIN or STAFF).' }) organizationId!: string;
  @Field(() => [ClaimLineInput], { nullable: true }) lines?: ClaimLineInput[] | null;
  @Field({ description: '8 to 128 characters among letters, digits and _ - : . ; kept at least 24 hours, per person.' }) idempotencyKey!: string;
}
