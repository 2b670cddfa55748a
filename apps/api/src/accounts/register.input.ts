import { Field, InputType } from '@nestjs/graphql';

// Checked by the RegisterUser use case (parseEmail, assertPasswordPolicy, parseDisplayName), so that
// every rule has one home and one error code.
@InputType('RegisterInput')
export class RegisterInput {
  @Field() email!: string;
  @Field({ description: '12 to 128 characters.' }) password!: string;
  @Field({ description: 'How other people see you: 1 to 100 characters.' }) displayName!: string;
}
