/**
 * How the API closes a GraphQL WebSocket (graphql-ws) when the person behind it may no longer
 * listen. Both codes are graphql-ws's own (4401 Unauthorized, 4403 Forbidden), so its clients do not
 * retry them blindly; the reason is for people reading logs. Documented in the README next to the
 * subscriptions.
 */
export const LIVE_CLOSE = {
  /**
   * The connection has no valid access token any more: it expired without a renewal in time, or a
   * renewal ping carried a token that is not one (forged, garbage, expired). The client refreshes
   * its session and connects again.
   */
  unauthorized: 4401,
  /**
   * The token is valid but the connection may not go on with it: a renewal names another person, the
   * connection was not signed in (nothing to renew), or the session was revoked (logout, or a refresh
   * token presented twice). The client signs in again before it reconnects.
   */
  forbidden: 4403,
} as const;

export type LiveCloseCode = (typeof LIVE_CLOSE)[keyof typeof LIVE_CLOSE];

/** Why a connection was closed: each cause has its code and its reason (at most 123 bytes, as WebSocket allows). */
export const LIVE_CLOSE_CAUSES = {
  expired: { code: LIVE_CLOSE.unauthorized, reason: 'Unauthorized: access token expired' },
  renewalRefused: { code: LIVE_CLOSE.unauthorized, reason: 'Unauthorized: renewal token refused' },
  renewalOfAnotherUser: { code: LIVE_CLOSE.forbidden, reason: 'Forbidden: renewal token of another user' },
  renewalNotSignedIn: { code: LIVE_CLOSE.forbidden, reason: 'Forbidden: connection not signed in' },
  sessionRevoked: { code: LIVE_CLOSE.forbidden, reason: 'Forbidden: session revoked' },
} as const satisfies Record<string, { code: LiveCloseCode; reason: string }>;

export type LiveCloseCause = keyof typeof LIVE_CLOSE_CAUSES;
