import { randomBytes } from 'node:crypto';
import { startSmsSimulator } from './sms-simulator.ts';

// `npm run smssim [-- --port 3012]`: the bundled brandname SMS gateway simulator, with the settings to point OpenDVC at it.
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env['SMS_SIMULATOR_PORT'] ?? 3012);
const account = {
  apiKey: process.env['SMSSIM_API_KEY'] ?? randomBytes(12).toString('hex'),
  secretKey: process.env['SMSSIM_SECRET_KEY'] ?? randomBytes(12).toString('hex'),
  brandnames: [process.env['SMS_BRANDNAME'] ?? 'HOABINHXANH'],
};
const sim = await startSmsSimulator({ port, account });
console.log(`SMS brandname gateway simulator (demo only) at ${sim.url} — received messages: ${sim.url}/
Start OpenDVC against it in another terminal:

  SMS_GATEWAY_URL=${sim.sendUrl} SMS_API_KEY=${account.apiKey} \\
  SMS_SECRET_KEY=${account.secretKey} SMS_BRANDNAME=${account.brandnames[0]} \\
  npm start

Make the next calls fail: curl -X POST ${sim.url}/_control -d '{"failNext":3,"failWith":"http500"}'  (or a result code such as "103")
Messages as JSON: ${sim.url}/messages
`);
const stop = () => { void sim.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
