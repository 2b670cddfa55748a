import { Field, InputType } from '@nestjs/graphql';
import { OrganizationKind } from './organization.enums';

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field({ description: 'SIRET (14 digits, Luhn-checked); a recipient association may give its RNA (W + 9 digits).' })
  legalId!: string;
  @Field(() => String, { nullable: true, description: 'A recipient’s food-aid habilitation, checked by a platform admin.' })
  habilitationReference?: string | null;
}
