import { randomBytes } from 'node:crypto';
import { startPaymentSimulator } from './payment-simulator.ts';

// `npm run paysim [-- --port 3010]`: the bundled payment gateway simulator, with the settings to point OpenDVC at it.
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env['PAYSIM_PORT'] ?? 3010);
const merchant = {
  tmnCode: process.env['PAYSIM_TMN_CODE'] ?? 'OPENDVC1',
  hashSecret: process.env['PAYSIM_HASH_SECRET'] ?? randomBytes(24).toString('hex'),
  ...(process.env['PAYSIM_IPN_URL'] ? { ipnUrl: process.env['PAYSIM_IPN_URL'] } : {}),
};
const sim = await startPaymentSimulator({ port, merchant });
console.log(`Payment gateway simulator (demo only) at ${sim.url}.
IPNs go to ${merchant.ipnUrl ?? 'the return URL\'s origin + /api/v1/payments/vnpay/ipn'}.
Start OpenDVC against it in another terminal:

  PAYMENT_GATEWAY_URL=${sim.paymentUrl} PAYMENT_GATEWAY_API_URL=${sim.apiUrl} \\
  PAYMENT_MERCHANT_CODE=${merchant.tmnCode} PAYMENT_HASH_SECRET=${merchant.hashSecret} \\
  npm start

Default IPN mode: curl -X POST ${sim.url}/_control -d '{"ipnMode":"late","lateMs":5000}'  (normal, before, late, repeated, concurrent, forged, none)
IPNs sent and answers: ${sim.url}/_control/ipn-log
`);
const stop = () => { void sim.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
