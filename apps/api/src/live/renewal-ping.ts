/**
 * What a graphql-ws `ping` message asks of the server. A ping without a payload, or whose payload
 * has no `accessToken`, is an ordinary keep-alive. `{ "accessToken": "<jwt>" }` renews the
 * connection's token (the raw token, without "Bearer"); anything else under that key is a renewal
 * with a token that cannot be one.
 */
export type PingRequest = { readonly kind: 'keepAlive' } | { readonly kind: 'renewal'; readonly token: string } | { readonly kind: 'malformedRenewal' };

export function readPing(payload: unknown): PingRequest {
  if (payload === null || typeof payload !== 'object' || !Object.hasOwn(payload, 'accessToken')) return { kind: 'keepAlive' };
  const token = (payload as { accessToken: unknown }).accessToken;
  return typeof token === 'string' && token.length > 0 ? { kind: 'renewal', token } : { kind: 'malformedRenewal' };
}
