import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ProcedureDefinition } from '../../catalog/tables.ts';
import { caseLimitsOf } from './process-context.ts';
import { demoProcessFor, serviceCentre } from './seed-demo-processes.ts';
import { validateProcess } from './validate-process.ts';

// Issue 4 §2: the seed gives every demo procedure a realistic process, and every one of them is publishable.
const catalog = JSON.parse(readFileSync(new URL('../../../../seed/catalog.json', import.meta.url), 'utf8')) as { agencies: { code: string }[]; procedures: ProcedureDefinition[] };
const agencyCodes = new Set(catalog.agencies.map((a) => a.code));
const processes = catalog.procedures.map((p) => ({ procedure: p, process: demoProcessFor(p) }));
const byCode = (code: string) => processes.find((x) => x.procedure.code === code)!.process;

describe('the demo processes (issue 4 §2)', () => {
  it('covers the 84 demo procedures, 46 provincial and 38 communal, each passing validateProcess', () => {
    assert.equal(processes.length, 84);
    assert.equal(processes.filter((x) => x.procedure.level === 'province').length, 46);
    const refused = processes.flatMap(({ procedure, process }) => {
      const result = validateProcess(process, { caseLimits: caseLimitsOf(procedure), agencyCodes }, 'en');
      return result.ok ? [] : [`${procedure.code}: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`];
    });
    assert.deepEqual(refused, []);
  });

  it('receives and returns commune dossiers at the commune, provincial ones at the service centre', () => {
    for (const { procedure, process } of processes) {
      const desk = [process.steps[0]!, process.steps.at(-1)!];
      if (procedure.level === 'commune') assert.ok(process.steps.every((s) => s.unit.kind === 'receivingAgency' || s.code === 'XAC_MINH'), procedure.code);
      else assert.deepEqual(desk.map((s) => s.unit), [{ kind: 'agency', agencyCode: serviceCentre }, { kind: 'agency', agencyCode: serviceCentre }], procedure.code);
      assert.deepEqual(process.steps.map((s) => s.role).filter((r, i, all) => i === 0 || i === all.length - 1), ['reception', 'reception']);
    }
  });

  it('varies: consultation in land and construction appraisal, hand-overs, and transfers to the Chairman', () => {
    assert.ok(byCode('1.009975').steps.find((s) => s.code === 'THAM_DINH')?.consultation, 'construction permit consults');
    assert.ok(byCode('1.012803').steps.find((s) => s.code === 'THAM_DINH')?.consultation, 'land registration consults');
    assert.equal(byCode('2.000635').steps.find((s) => s.code === 'THAM_DINH')?.consultation, undefined);
    const judicial = byCode('2.000488');
    assert.deepEqual(judicial.steps.find((s) => s.code === 'THAM_DINH')?.next.find((n) => n.kind === 'handOver'), { kind: 'handOver', to: 'XAC_MINH' });
    assert.deepEqual(byCode('1.000080').steps.find((s) => s.code === 'XAC_MINH')?.unit, { kind: 'agency', agencyCode: '000.00.12.H99' });
    const festival = byCode('1.004632');
    assert.deepEqual(festival.steps.find((s) => s.code === 'PHE_DUYET')?.next[0], { kind: 'transfer', to: 'UBND_TINH' });
    assert.deepEqual(festival.steps.find((s) => s.code === 'UBND_TINH')?.unit, { kind: 'agency', agencyCode: '000.00.00.H99' });
    assert.equal(byCode('2.000192').steps.some((s) => s.code === 'UBND_TINH'), false, 'delegated to the department: no transfer');
    assert.equal(processes.filter((x) => x.process.steps.some((s) => s.code === 'UBND_TINH')).length, 3);
  });

  it('shares out the shortest limit: 7 working days of residence registration (56 h) give appraisal 42 h, approval 1 day, issue 6 h', () => {
    assert.deepEqual(byCode('1.004222').steps.map((s) => [s.code, s.budget]), [
      ['TIEP_NHAN', { value: 8, unit: 'workingHours' }], ['THAM_DINH', { value: 42, unit: 'workingHours' }], ['PHE_DUYET', { value: 1, unit: 'workingDays' }],
      ['BAN_HANH', { value: 6, unit: 'workingHours' }], ['TRA_KET_QUA', { value: 8, unit: 'workingHours' }],
    ]);
  });
});
