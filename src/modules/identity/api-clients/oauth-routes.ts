import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { issueAccessToken, type TokenError } from './issue-access-token.ts';

const TokenBody = Type.Object({
  grant_type: Type.Optional(Type.String({ maxLength: 100 })),
  client_id: Type.Optional(Type.String({ maxLength: 100 })),
  client_secret: Type.Optional(Type.String({ maxLength: 200 })),
  scope: Type.Optional(Type.String({ maxLength: 1000 })),
});

const TokenResponse = Type.Object({
  access_token: Type.String(), token_type: Type.Literal('Bearer'), expires_in: Type.Integer(), scope: Type.String(),
});
const TokenErrorResponse = Type.Object({ error: Type.String(), error_description: Type.Optional(Type.String()) }, { description: 'RFC 6749 §5.2 error' });

/** Client id and secret from HTTP Basic (RFC 6749 §2.3.1: each form-urlencoded before base64), if sent that way. */
function basicCredentials(request: FastifyRequest): { id: string; secret: string } | null | undefined {
  const match = /^Basic +([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return null;
  }
}

/** POST /oauth/token: the OAuth 2.0 client credentials grant (RFC 6749 §4.4; issue 3 §3). */
export function registerOAuthRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; now: () => Date }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post('/oauth/token', {
    schema: {
      operationId: 'issueAccessToken', tags: ['oauth'], summary: 'Cấp mã truy cập cho ứng dụng (OAuth 2.0 client credentials)',
      description: 'RFC 6749 §4.4. Authenticate with HTTP Basic (client_id:client_secret) or client_id and client_secret in the form body. '
        + 'An optional space-delimited `scope` narrows the token to some of the client\'s scopes. The token is valid for one hour.',
      consumes: ['application/x-www-form-urlencoded'], body: TokenBody,
      response: { 200: TokenResponse, 400: TokenErrorResponse, 401: TokenErrorResponse },
    },
    attachValidation: true,
    // The caller proves itself with its client secret in this very request; no cookie is read, so no CSRF token.
    config: { access: 'public', csrfExempt: true, rateLimit: { max: 60, timeWindow: 60_000 } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const fail = (error: TokenError, description: string) => {
      if (error === 'invalid_client') reply.code(401).header('www-authenticate', 'Basic realm="OpenDVC"');
      else reply.code(400);
      return { error, error_description: description };
    };
    if (request.validationError) return fail('invalid_request', request.validationError.message);
    const body = request.body ?? {};
    const basic = basicCredentials(request);
    if (basic === null) return fail('invalid_client', 'Malformed Basic credentials.');
    // RFC 6749 §2.3: a client must not use more than one authentication method in a request.
    if (basic && (body.client_id !== undefined || body.client_secret !== undefined)) return fail('invalid_request', 'Send the client credentials one way only.');
    const result = await issueAccessToken(deps.db, deps.now(), {
      grantType: body.grant_type, clientId: basic?.id ?? body.client_id, clientSecret: basic?.secret ?? body.client_secret, scope: body.scope,
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null,
    });
    if (!result.ok) return fail(result.error, result.description);
    return { access_token: result.accessToken, token_type: 'Bearer' as const, expires_in: result.expiresIn, scope: result.scope };
  });
}
