import { demoClients, startIdentityProvider, type RunningIdentityProvider } from '../../src/dev/identity-provider.ts';
import { startTestServer, type TestServer } from './server.ts';

/**
 * The bundled test identity provider on a free port, and the real app pointed at it for both citizens and
 * officers. The provider learns the app's address once the app listens.
 */
export async function startAppWithIdentityProvider(): Promise<{ idp: RunningIdentityProvider; server: TestServer }> {
  const idp = await startIdentityProvider({ port: 0, portalUrls: [] });
  const server = await startTestServer({
    OIDC_CITIZEN_ISSUER: idp.issuer, OIDC_CITIZEN_CLIENT_ID: demoClients.citizen.clientId, OIDC_CITIZEN_CLIENT_SECRET: demoClients.citizen.clientSecret,
    OIDC_OFFICER_ISSUER: idp.issuer, OIDC_OFFICER_CLIENT_ID: demoClients.officer.clientId, OIDC_OFFICER_CLIENT_SECRET: demoClients.officer.clientSecret,
  });
  idp.allowPortal(server.url);
  return { idp, server };
}
