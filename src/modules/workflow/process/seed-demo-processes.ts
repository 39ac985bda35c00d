import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { ProcedureDefinition } from '../../catalog/tables.ts';
import { limitInWorkingHours } from './default-process.ts';
import { caseLimitsOf } from './process-context.ts';
import type { ProcessDefinition, ProcessStep, StepBudget, StepUnit } from './process-definition.ts';
import { findPublishedProcess, insertProcess } from './repository.ts';

/** The province's public administration service centre: the one-stop desk of every provincial procedure. */
export const serviceCentre = '000.00.30.H99';
const provincialCommittee = '000.00.00.H99';
const provincialPolice = '000.00.12.H99';
const justiceDepartment = '000.00.02.H99';

/** Fields whose appraisal consults another department (land, construction, environment: Decree 61 Art. 20). */
const consultingFields = new Set(['G15-DD', 'G15-MT', 'G11-XD']);

/**
 * A realistic internal process for a demo procedure (issue 4 §2). Commune procedures: the commune's desk receives and
 * returns, its specialist appraises, its leader approves, its clerk issues. Provincial procedures: the service centre
 * receives and returns; the department that takes the dossier appraises, approves and issues. Variations: land,
 * construction and environment procedures consult another unit during appraisal; judicial records are handed over to
 * the Department of Justice for checking, a marriage with a foreigner to the provincial police; where the Chairman of
 * the provincial People's Committee decides, the department transfers the dossier up for approval. The budgets share
 * out the shortest case limit like the default process, so they never add up to more than the legal limit.
 */
export function demoProcessFor(definition: ProcedureDefinition): ProcessDefinition {
  const hours = Math.max(3, Math.min(...caseLimitsOf(definition).map(limitInWorkingHours), 400 * 8));
  const province = definition.level === 'province';
  const desk: StepUnit = province ? { kind: 'agency', agencyCode: serviceCentre } : { kind: 'receivingAgency' };
  const unit: StepUnit = { kind: 'receivingAgency' };
  const chairman = province && /(^|Chủ tịch )Ủy ban nhân dân tỉnh/.test(definition.competentAuthority) && !/ủy quyền/i.test(definition.competentAuthority);
  const handOver = definition.fieldCode === 'G14-LLTP' ? { agencyCode: justiceDepartment, name: 'Sở Tư pháp phối hợp tra cứu, xác minh thông tin lý lịch tư pháp', nameEn: 'Checking by the Department of Justice' }
    : definition.code === '1.000080' ? { agencyCode: provincialPolice, name: 'Công an tỉnh xác minh nhân thân người nước ngoài', nameEn: 'Identity check by the provincial police' }
    : undefined;

  // Shares of the limit: the clerk a tenth, approval 15 % (split between the department and the province when the
  // Chairman decides), a hand-over a fifth, the appraisal the rest.
  const issue = Math.max(1, Math.round(hours * 0.1));
  const approval = Math.max(1, Math.round(hours * (chairman ? 0.075 : 0.15)));
  const topApproval = chairman ? Math.max(1, Math.round(hours * 0.075)) : 0;
  const checking = handOver ? Math.max(1, Math.round(hours * 0.2)) : 0;
  const handling = hours - issue - approval - topApproval - checking;

  const leader = province ? 'Lãnh đạo cơ quan giải quyết' : /Công an/.test(definition.competentAuthority) ? 'Trưởng Công an cấp xã' : 'Lãnh đạo Ủy ban nhân dân cấp xã';
  const steps: ProcessStep[] = [
    {
      code: 'TIEP_NHAN', purpose: 'reception', unit: desk, role: 'reception', budget: { value: 8, unit: 'workingHours' },
      name: province ? 'Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ' : 'Bộ phận một cửa cấp xã tiếp nhận hồ sơ',
      nameEn: province ? 'Reception at the provincial service centre' : 'Reception at the commune one-stop desk',
      next: [{ kind: 'forward', to: 'THAM_DINH' }],
    },
    {
      code: 'THAM_DINH', purpose: 'handling', unit, role: 'specialist', budget: budget(handling),
      name: province ? 'Phòng chuyên môn thẩm định, đề xuất' : 'Công chức chuyên môn thẩm định, đề xuất',
      nameEn: 'Appraisal and proposal by the specialist',
      next: [{ kind: 'forward', to: 'PHE_DUYET' }, ...(handOver ? [{ kind: 'handOver' as const, to: 'XAC_MINH' }] : [])],
      ...(consultingFields.has(definition.fieldCode) ? { consultation: { budget: budget(Math.max(1, Math.round(handling / 3))) } } : {}),
    },
    ...(handOver ? [{
      code: 'XAC_MINH', purpose: 'handling' as const, unit: { kind: 'agency' as const, agencyCode: handOver.agencyCode }, role: 'specialist' as const, budget: budget(checking),
      name: handOver.name, nameEn: handOver.nameEn, next: [{ kind: 'forward' as const, to: 'PHE_DUYET' }, { kind: 'sendBack' as const, to: 'THAM_DINH' }],
    }] : []),
    {
      code: 'PHE_DUYET', purpose: 'approval', unit, role: 'leader', budget: budget(approval),
      name: chairman ? `${leader} xem xét, trình Ủy ban nhân dân tỉnh` : `${leader} xem xét, phê duyệt`,
      nameEn: chairman ? 'Review by the department leader, submission to the provincial committee' : 'Approval by the leader',
      next: [chairman ? { kind: 'transfer', to: 'UBND_TINH' } : { kind: 'forward', to: 'BAN_HANH' }, { kind: 'sendBack', to: 'THAM_DINH' }],
    },
    ...(chairman ? [{
      code: 'UBND_TINH', purpose: 'approval' as const, unit: { kind: 'agency' as const, agencyCode: provincialCommittee }, role: 'leader' as const, budget: budget(topApproval),
      name: 'Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định', nameEn: 'Decision of the Chairman of the provincial People\'s Committee',
      next: [{ kind: 'forward' as const, to: 'BAN_HANH' }, { kind: 'sendBack' as const, to: 'PHE_DUYET' }],
    }] : []),
    {
      code: 'BAN_HANH', purpose: 'issue', unit, role: 'clerk', budget: budget(issue),
      name: 'Văn thư vào sổ, đóng dấu, phát hành kết quả', nameEn: 'Registering, sealing and issuing the result',
      next: [{ kind: 'forward', to: 'TRA_KET_QUA' }],
    },
    {
      code: 'TRA_KET_QUA', purpose: 'return', unit: desk, role: 'reception', budget: { value: 8, unit: 'workingHours' },
      name: province ? 'Trung tâm Phục vụ hành chính công trả kết quả' : 'Bộ phận một cửa cấp xã trả kết quả',
      nameEn: 'Return of the result at the one-stop desk', next: [],
    },
  ];
  return { steps };
}

/**
 * Gives every published demo procedure its process as published version 1 (before the demo dossiers are filed, so
 * they pin it). A procedure that already has a process keeps it.
 */
export async function seedDemoProcesses(db: Kysely<Database>, now: Date): Promise<number> {
  const procedures = await db.selectFrom('procedure as p').innerJoin('procedure_version as v', 'v.id', 'p.published_version_id')
    .select(['p.id', 'v.definition']).orderBy('p.code').execute();
  let seeded = 0;
  await db.transaction().execute(async (trx) => {
    for (const p of procedures) {
      if (await findPublishedProcess(trx, p.id)) continue;
      await insertProcess(trx, p.id, 1, 'published', {
        definition: demoProcessFor(p.definition), note: 'Quy trình nội bộ mẫu của tỉnh Hòa Bình Xanh', changedBy: null, changedByLabel: 'seed:demo-province', at: now,
      });
      seeded++;
    }
  });
  return seeded;
}

function budget(hours: number): StepBudget {
  return hours % 8 === 0 ? { value: hours / 8, unit: 'workingDays' } : { value: hours, unit: 'workingHours' };
}
