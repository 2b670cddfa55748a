import { Field, ID, InputType } from '@nestjs/graphql';
import { MemberRole } from './organization.enums';

@InputType('AddMemberInput')
export class AddMemberInput {
  @Field(() => ID) organizationId!: string;
  @Field({ description: 'Without an account yet, the person is invited and becomes a member on registering.' }) email!: string;
  @Field(() => MemberRole) role!: MemberRole;
}
