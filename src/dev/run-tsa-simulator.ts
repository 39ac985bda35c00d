import { startTsaSimulator } from './tsa-simulator.ts';

// `npm run tsasim [-- --port 3013]`: the local RFC 3161 timestamping simulator, with the setting to point OpenDVC at it.
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env['TSASIM_PORT'] ?? 3013);
const sim = await startTsaSimulator({ port });
console.log(`RFC 3161 timestamping simulator (demo only) at ${sim.url}.
Start OpenDVC against it in another terminal:

  TSA_URL=${sim.url} npm start
`);
const stop = () => { void sim.close().then(() => process.exit(0)); };
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
