import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { defaultSite, type SiteInfo } from '../../platform/views/site.ts';
import { readPortalSettings } from './repository.ts';

/** The portal identity shown in every header and footer (OTHER-04); defaults until the province sets it. */
export async function readSiteInfo(ctx: UseCaseContext, cache: RevisionCache): Promise<SiteInfo> {
  return cache.get('site', async () => {
    const settings = await readPortalSettings(ctx.db);
    return { ...defaultSite, ...(settings['site'] as Partial<SiteInfo> | undefined) };
  });
}
