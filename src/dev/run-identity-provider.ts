import { defaultPortalUrls, demoClients, startIdentityProvider } from './identity-provider.ts';

// `npm run idp [-- --port 3001]`: the bundled test identity provider, with the settings to point OpenDVC at it.
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env['IDP_PORT'] ?? 3001);
const portalUrls = process.env['IDP_PORTAL_URL'] ? [process.env['IDP_PORTAL_URL'].replace(/\/$/, '')] : defaultPortalUrls;
const idp = await startIdentityProvider({ port, portalUrls });
console.log(`Test identity provider (demo only) at ${idp.issuer}, for portals at ${portalUrls.join(', ')}.
Start OpenDVC against it in another terminal:

  OIDC_CITIZEN_ISSUER=${idp.issuer} OIDC_CITIZEN_CLIENT_ID=${demoClients.citizen.clientId} OIDC_CITIZEN_CLIENT_SECRET=${demoClients.citizen.clientSecret} \\
  OIDC_OFFICER_ISSUER=${idp.issuer} OIDC_OFFICER_CLIENT_ID=${demoClients.officer.clientId} OIDC_OFFICER_CLIENT_SECRET=${demoClients.officer.clientSecret} \\
  npm start
`);
const stop = () => { void idp.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
