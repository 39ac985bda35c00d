import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { MultipartFile } from '@fastify/multipart';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { discardStoredFile } from '../../platform/files/discard-stored-file.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeMultipartFile } from '../../platform/files/multipart.ts';
import { documentUploadPolicy } from '../../platform/files/upload-policy.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { findCounterDossierByIdempotencyKey } from './desk-repository.ts';
import { getCounterForm, listCounterProcedures } from './get-counter-form.ts';
import { CounterIntakeFormPage, CounterProcedurePickerPage, intakePath } from './pages/counter-intake-page.tsx';
import { registerCounterDossier } from './register-counter-dossier.ts';
import { chooseReturnByPostAtDesk, readPostalAddress } from '../postal/choose-postal-service.ts';

export interface DeskIntakeDeps {
  db: Kysely<Database>;
  files: FileStore;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const desk = { access: { permission: 'dossier.receive' } } as const;
const Query = Type.Object({ 'thu-tuc': Type.Optional(Type.String({ maxLength: 60 })), q: Type.Optional(Type.String({ maxLength: 100 })) });
const keyPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Walk-in and postal reception at the one-stop desk (issue 4 §4; S-b): pick the procedure, enter the dossier, scan the papers. */
export function registerDeskIntakePages(app: FastifyInstance, deps: DeskIntakeDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get(intakePath, { schema: { hide: true, querystring: Query }, config: desk }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const code = request.query['thu-tuc'];
    if (!code) {
      const q = request.query.q?.trim() ?? '';
      return sendPage(reply, <CounterProcedurePickerPage ctx={ctx} q={q} procedures={await listCounterProcedures(deps.db, request.actor, q)} />);
    }
    const form = await getCounterForm(deps.db, request.actor, code);
    return sendPage(reply, <CounterIntakeFormPage ctx={ctx} form={form} idempotencyKey={randomUUID()} />);
  });

  pages.post(intakePath, { schema: { hide: true, querystring: Query }, config: desk }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const code = request.query['thu-tuc'] ?? '';
    const form = await getCounterForm(deps.db, request.actor, code);
    if (!request.isMultipart()) throw new AppError('validationFailed');
    const now = deps.now();
    const fields: Record<string, string> = {};
    const scans: { componentCode: string; storedFileId: string }[] = [];
    const fileErrors: FieldError[] = [];
    let existing: { id: string; code: string | null } | undefined;
    // The parts stream in form order: the idempotency key comes first, so a resent form stores no second copy of its scans.
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          if (part.fieldname === 'idempotencyKey' && keyPattern.test(String(part.value))) existing = await findCounterDossierByIdempotencyKey(deps.db, String(part.value));
          continue;
        }
        const componentCode = part.fieldname.replace(/^scan-/, '');
        if (existing || !part.filename || fileErrors.length || !part.fieldname.startsWith('scan-') || !form.components.some((c) => c.code === componentCode)) {
          await drain(part);
          continue;
        }
        try {
          const stored = await storeMultipartFile({ db: deps.db, actor: request.actor, now, store: deps.files, lang: ctx.lang }, part,
            { policy: documentUploadPolicy, field: `/${part.fieldname}`, digitised: true });
          scans.push({ componentCode, storedFileId: stored.id });
        } catch (error) {
          if (!(error instanceof AppError) || !error.fieldErrors.length) throw error;
          fileErrors.push(...error.fieldErrors);
          await drain(part);
        }
      }
    } catch (error) {
      // A refused file may leave the rest of the body unreadable; its field error is what the officer needs.
      if (!fileErrors.length) throw error;
    }
    if (existing) return reply.redirect(`/mot-cua/ho-so/${existing.id}?xong=${encodeURIComponent(existing.code ?? '')}`, 303);

    const again = async (errors: FieldError[]) => {
      // Nothing was registered: the scans of this attempt are forgotten (the sweep removes their bytes).
      for (const scan of scans) await discardStoredFile(deps.db, scan.storedFileId);
      const values = { ...fields, ...(scans.length ? { hadFiles: '1' } : {}), linkAccount: fields['linkAccount'] === '1' ? '1' : '0' };
      return sendPage(reply, <CounterIntakeFormPage ctx={ctx} form={form} idempotencyKey={keyPattern.test(fields['idempotencyKey'] ?? '') ? fields['idempotencyKey']! : randomUUID()} values={values} errors={errors} />, 400);
    };
    if (fileErrors.length) return again(fileErrors);
    if (!keyPattern.test(fields['idempotencyKey'] ?? '')) return again([{ path: '/', message: t(ctx.lang, 'deskIntake.error.staleForm') }]);
    // Issue 5 §4: a walk-in applicant may ask for the result by post; the address is checked before anything is registered.
    const byPost = fields['returnByPost'] === '1' ? readPostalAddress(fields, ctx.lang, 'post') : undefined;
    if (byPost?.errors.length) return again(byPost.errors);
    try {
      const kind = fields['applicantKind'] === 'business' ? 'business' : 'citizen';
      const result = await registerCounterDossier(deps.db, request.actor, now, ctx.lang, {
        procedureCode: form.procedure.code, caseCode: fields['caseCode'] ?? '', receivingAgencyCode: fields['receivingAgencyCode'] ?? '',
        channel: fields['channel'] === 'postal' ? 'postal' : 'desk', postalDeliveredOn: fields['postalDeliveredOn'], postalItemNumber: fields['postalItemNumber'],
        applicant: kind === 'citizen'
          ? { kind, name: fields['name'] ?? '', personalId: fields['personalId'], dateOfBirth: fields['dateOfBirth'], phone: fields['phone'], email: fields['email'], address: fields['address'] }
          : { kind, name: fields['name'] ?? '', taxCode: fields['taxCode'], representative: fields['representative'], phone: fields['phone'], email: fields['email'], address: fields['address'] },
        linkAccount: fields['linkAccount'] === '1', summary: fields['summary'], receiveNow: fields['receiveNow'] !== '0',
        idempotencyKey: fields['idempotencyKey']!, scans,
      });
      if (!result.created) for (const scan of scans) await discardStoredFile(deps.db, scan.storedFileId);
      else if (byPost) await chooseReturnByPostAtDesk(deps.db, request.actor, now, { dossierId: result.id, address: byPost.address });
      return reply.redirect(`/mot-cua/ho-so/${result.id}?xong=${encodeURIComponent(result.code ?? result.reference)}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validationFailed') return again(error.fieldErrors);
      if (scans.length) for (const scan of scans) await discardStoredFile(deps.db, scan.storedFileId).catch(() => false);
      throw error;
    }
  });
}

/** Reads a file part to its end without keeping it: the next part only comes once this one is consumed. */
async function drain(part: MultipartFile): Promise<void> {
  try {
    for await (const _ of part.file) { /* discard */ }
  } catch { /* a stream already cut short by its limit */ }
}
