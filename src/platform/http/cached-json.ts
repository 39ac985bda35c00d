import type { FastifyReply } from 'fastify';
import type { RevisionCache } from '../cache/revision-cache.ts';

/**
 * Sends a JSON answer that is computed, serialised and encoded once per cache revision: the hot public reads
 * (catalogue search) then cost a lookup instead of a serialisation per request.
 */
export async function sendCachedJson(reply: FastifyReply, cache: RevisionCache, key: string, compute: () => Promise<unknown>): Promise<FastifyReply> {
  const body = await cache.get(`json:${key}`, async () => Buffer.from(JSON.stringify(await compute())));
  return reply.type('application/json; charset=utf-8').send(body);
}
