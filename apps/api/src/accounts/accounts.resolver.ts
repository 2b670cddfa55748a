import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GetCurrentUser, LoginUser, Logout, RefreshSession, RegisterUser, ResendVerificationEmail, VerifyEmail } from '#application';
import { Public, SignedInEvenUnverified } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuthPayloadType } from './auth-payload.type';
import { currentActor } from './current-actor';
import { LoginInput } from './login.input';
import { RegisterInput } from './register.input';
import { UserType } from './user.type';

@Resolver(() => UserType)
export class AccountsResolver {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly loginUser: LoginUser,
    private readonly refreshSession: RefreshSession,
    private readonly logoutUser: Logout,
    private readonly getCurrentUser: GetCurrentUser,
    private readonly verifyEmailUseCase: VerifyEmail,
    private readonly resendVerificationEmailUseCase: ResendVerificationEmail,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadType, {
    description:
      'Creates an account and signs it in, unverified: it may only verify its address (the e-mailed link), see itself and sign out until then. ' +
      'Limited per address (RATE_LIMITED, params.retryAfterSeconds).',
  })
  async register(@Args('input') input: RegisterInput, @Context() context: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(
      await this.registerUser.execute({ email: input.email, password: input.password, displayName: input.displayName, ip: context.clientIp }),
    );
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Signs in. Limited per account and per address (RATE_LIMITED, params.retryAfterSeconds).' })
  async login(@Args('input') input: LoginInput, @Context() context: GraphQLContext): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await this.loginUser.execute({ email: input.email, password: input.password, ip: context.clientIp }));
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Exchanges a refresh token, once, for a new pair. Reusing one closes its session.' })
  async refreshToken(@Args('token') token: string): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await this.refreshSession.execute(token));
  }

  // The token of the e-mailed link is the proof: no session is needed (the link may be opened anywhere).
  @Public()
  @Mutation(() => AuthPayloadType, {
    description: 'Proves the address: the token comes from the link PUBLIC_URL/verify-email?token=... in the verification e-mail.',
  })
  async verifyEmail(@Args('token') token: string): Promise<AuthPayloadType> {
    return AuthPayloadType.from(await this.verifyEmailUseCase.execute(token));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sends the verification e-mail again (rate-limited); the same answer whether or not the address has an account.',
  })
  async resendVerificationEmail(@Args('email') email: string, @Context() context: GraphQLContext): Promise<boolean> {
    await this.resendVerificationEmailUseCase.execute({ email, ip: context.clientIp });
    return true;
  }

  @SignedInEvenUnverified()
  @Mutation(() => Boolean, { description: 'Closes the session of this refresh token, or every session of the caller when omitted.' })
  async logout(
    @Context() context: GraphQLContext,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<boolean> {
    await this.logoutUser.execute({ actor: currentActor(context), ...(refreshToken != null ? { refreshToken } : {}) });
    return true;
  }

  @SignedInEvenUnverified()
  @Query(() => UserType, { description: 'The caller (also before the address is verified).' })
  async me(@Context() context: GraphQLContext): Promise<UserType> {
    return UserType.from(await this.getCurrentUser.execute(currentActor(context)));
  }
}
