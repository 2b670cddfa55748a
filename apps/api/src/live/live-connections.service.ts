import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AccessTokenVerifier, Clock, SessionRevocationSignal, type SessionRevocation } from '#application';
import { checkPresentedToken, type PresentedToken } from '../auth/access-token.context';
import { LiveConnection, type ClosableSocket } from './live-connection';
import { readPing } from './renewal-ping';

/**
 * The GraphQL WebSockets open on this API instance, keyed by graphql-ws's connection context. The
 * sockets themselves can only live in the process that holds them; what every instance must know
 * (a session was revoked) reaches each one through the SessionRevocationSignal, and each closes its
 * own sockets of that session.
 */
@Injectable()
export class LiveConnections implements OnModuleInit, OnModuleDestroy {
  private readonly connections = new WeakMap<object, LiveConnection>();
  /** Signed-in connections by person: a renewal never changes the person, so the index holds. */
  private readonly byUser = new Map<string, Set<LiveConnection>>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocationSignal,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.revocations.listen((revocation) => this.revoke(revocation));
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    for (const connections of this.byUser.values()) for (const connection of connections) connection.dispose();
    this.byUser.clear();
  }

  /** A connection was initialised (graphql-ws connection_init) with this token in its parameters. */
  open(key: object, socket: ClosableSocket, token: PresentedToken): LiveConnection {
    const connection = new LiveConnection(socket, checkPresentedToken(token, this.verifier), this.verifier, this.clock);
    this.connections.set(key, connection);
    const userId = connection.userId;
    if (userId !== undefined) {
      const ofUser = this.byUser.get(userId) ?? new Set<LiveConnection>();
      ofUser.add(connection);
      this.byUser.set(userId, ofUser);
    }
    return connection;
  }

  of(key: object): LiveConnection | undefined {
    return this.connections.get(key);
  }

  /** A graphql-ws ping arrived; before connection_init there is no connection, and nothing to renew. */
  ping(key: object, payload: unknown): void {
    this.connections.get(key)?.ping(readPing(payload));
  }

  /** The socket closed, whoever closed it. */
  closed(key: object): void {
    const connection = this.connections.get(key);
    if (connection === undefined) return;
    this.connections.delete(key);
    const userId = connection.userId;
    connection.dispose();
    if (userId === undefined) return;
    const ofUser = this.byUser.get(userId);
    ofUser?.delete(connection);
    if (ofUser?.size === 0) this.byUser.delete(userId);
  }

  /** Closes this instance's sockets of a revoked session (or of every session of a person). */
  revoke(revocation: SessionRevocation): void {
    for (const connection of [...(this.byUser.get(revocation.userId) ?? [])]) connection.endIfRevoked(revocation);
  }
}
