import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { renderResultDocument } from './render-result.ts';
import { loadResultDossier, resultTemplateInput } from './result-dossier.ts';
import { requireResultText } from './result-text.ts';

/**
 * The leader's preview of a result before signing (issue 5 §1): the same template and dossier data, marked as an
 * unsigned preview, without number or QR code. Only who may sign may preview.
 */
export async function generateResultPreview(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; title?: string; decision?: string }): Promise<{ fileName: string; pdf: Buffer }> {
  const loaded = await loadResultDossier(db, actor, input.dossierId);
  const text = requireResultText(input, lang);
  const pdf = await renderResultDocument(resultTemplateInput(loaded, actor, { ...text, issuedAt: now, number: null, verificationUrl: null }));
  return { fileName: `xem-truoc-ket-qua-${loaded.dossier.code ?? loaded.dossier.reference}.pdf`, pdf };
}
