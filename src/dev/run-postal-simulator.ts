import { randomBytes } from 'node:crypto';
import { startPostalSimulator } from './postal-simulator.ts';

// `npm run postsim [-- --port 3011]`: the bundled postal operator simulator, with the settings to point OpenDVC at it.
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env['POST_SIMULATOR_PORT'] ?? 3011);
const token = process.env['POSTSIM_TOKEN'] ?? randomBytes(16).toString('hex');
const webhookSecret = process.env['POSTSIM_WEBHOOK_SECRET'] ?? randomBytes(24).toString('hex');
const webhookUrl = process.env['POSTSIM_WEBHOOK_URL'] ?? 'http://localhost:3000/api/v1/postal/callback';
const advanceEveryMs = Number(process.env['POSTSIM_ADVANCE_MS'] ?? 20_000);
const sim = await startPostalSimulator({ port, token, webhookSecret, webhookUrl, advanceEveryMs });
console.log(`Postal operator simulator (demo only) at ${sim.url}; callbacks go to ${webhookUrl}.
Parcels move one step every ${advanceEveryMs / 1000} s (POSTSIM_ADVANCE_MS=0 to move them only by hand).
Start OpenDVC against it in another terminal:

  POST_OPERATOR_URL=${sim.url} POST_API_TOKEN=${token} POST_WEBHOOK_SECRET=${webhookSecret} npm start

Move a parcel by hand:  curl -X POST ${sim.url}/control/advance -d '{"orderNumber":"SIM…VN","to":"delivered","times":2,"delayMs":0}'
Orders and callbacks:   ${sim.url}/control/orders
`);
const stop = () => { void sim.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
