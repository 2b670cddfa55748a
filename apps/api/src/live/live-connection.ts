import { revokes, type AccessTokenVerifier, type Actor, type Clock, type SessionRevocation, type VerifiedAccessToken } from '#application';
import { DomainError } from '#domain';
import { actorOfCheck, type TokenCheck } from '../auth/access-token.context';
import { LIVE_CLOSE_CAUSES, type LiveCloseCause } from './live-close-codes';
import type { PingRequest } from './renewal-ping';

/** The one thing a connection needs of its WebSocket. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

// setTimeout's longest delay; a later expiry is waited for in steps (tokens live an hour at most).
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One GraphQL WebSocket and who is behind it now. The token of the connection parameters is checked
 * when the connection opens; a valid one arms a timer that closes the socket (4401) when it expires,
 * unless a renewal ping brought a fresh token of the same person first, which then takes its place
 * (actor, session and expiry). Every operation on the connection reads `actor` here, at each event,
 * so a subscription always sees the person as their latest token describes them.
 *
 * A connection whose token was refused or absent stays open as before: its operations answer
 * UNAUTHENTICATED (or run anonymously) as over HTTP, and it cannot be renewed (4403).
 */
export class LiveConnection {
  /** The person the connection was opened as, for its whole life (a renewal must name the same one). */
  readonly userId: string | undefined;
  private check: TokenCheck;
  private timer: NodeJS.Timeout | undefined;
  /** Set once the socket is closing: by us (the cause), or by the client or the server's shutdown. */
  private closedBy: LiveCloseCause | 'disconnected' | undefined;

  constructor(
    private readonly socket: ClosableSocket,
    initial: TokenCheck,
    private readonly verifier: AccessTokenVerifier,
    private readonly clock: Clock,
  ) {
    this.check = initial;
    this.userId = initial.kind === 'verified' ? initial.token.actor.userId : undefined;
    this.armExpiry();
  }

  /** The caller now; throws UNAUTHENTICATED for a refused token, and once the connection was closed. */
  get actor(): Actor | undefined {
    if (this.closedBy !== undefined) {
      throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: this.closedBy === 'expired' ? 'expired' : 'invalid' });
    }
    return actorOfCheck(this.check);
  }

  /** The person and session the connection is signed in as, if it is. */
  get session(): VerifiedAccessToken | undefined {
    return this.closedBy === undefined && this.check.kind === 'verified' ? this.check.token : undefined;
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** Handles a graphql-ws ping: nothing for a keep-alive; a renewal replaces the token or closes the socket. */
  ping(request: PingRequest): void {
    if (this.closedBy !== undefined || request.kind === 'keepAlive') return;
    const current = this.session;
    if (current === undefined) return this.close('renewalNotSignedIn');
    if (request.kind === 'malformedRenewal') return this.close('renewalRefused');
    let renewed: VerifiedAccessToken;
    try {
      renewed = this.verifier.verifyWithSession(request.token);
    } catch (error) {
      if (error instanceof DomainError) return this.close('renewalRefused');
      throw error;
    }
    if (renewed.actor.userId !== current.actor.userId) return this.close('renewalOfAnotherUser');
    this.check = { kind: 'verified', token: renewed };
    this.armExpiry();
  }

  /** Closes the socket (4403) if the revocation ends the session it is signed in with. */
  endIfRevoked(revocation: SessionRevocation): void {
    const current = this.session;
    if (current !== undefined && revokes(revocation, { userId: current.actor.userId, sessionId: current.sessionId })) this.close('sessionRevoked');
  }

  /** The socket closed (whoever closed it): nothing is left to time. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closedBy ??= 'disconnected';
  }

  private armExpiry(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const current = this.session;
    if (current === undefined) return;
    const remaining = current.expiresAt.getTime() - this.clock.now().getTime();
    if (remaining <= 0) return this.close('expired');
    this.timer = setTimeout(() => this.armExpiry(), Math.min(remaining, MAX_TIMER_MS));
    // An open socket keeps the process busy anyway; the timer alone must not.
    this.timer.unref();
  }

  private close(cause: LiveCloseCause): void {
    if (this.closedBy !== undefined) return;
    this.closedBy = cause;
    clearTimeout(this.timer);
    this.timer = undefined;
    const { code, reason } = LIVE_CLOSE_CAUSES[cause];
    this.socket.close(code, reason);
  }
}
