import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultProcess } from './default-process.ts';
import type { ProcessDefinition } from './process-definition.ts';
import { budgetTotal, validateProcess, type ProcessRules } from './validate-process.ts';

// Issue 4 §2 (S-b, DL-08): what an administrator may publish as a procedure's internal process.

const rules: ProcessRules = { caseLimits: [{ value: 5, unit: 'workingDays' }, { value: 10, unit: 'workingDays' }], agencyCodes: new Set(['000.00.30.H99', '000.00.12.H99']) };
/** A fresh copy of the default process for 5 working days: 40 h shared 30 + 6 + 4 between appraisal, approval and issue. */
const base = (): ProcessDefinition => structuredClone(defaultProcess(rules.caseLimits));
const change = (edit: (p: ProcessDefinition) => void) => { const p = base(); edit(p); return p; };

const cases: { name: string; process: unknown; errors: [path: string, message: RegExp][] }[] = [
  { name: 'a step without a name fails the schema, on its field', process: change((p) => { p.steps[1]!.name = ''; }), errors: [['/steps/1/name', /Không được để trống/]] },
  { name: 'an unknown role fails the schema and lists the allowed ones', process: change((p) => { (p.steps[2] as { role: string }).role = 'boss'; }), errors: [['/steps/2/role', /reception, specialist, leader, clerk/]] },
  { name: 'a negative budget fails the schema', process: change((p) => { p.steps[1]!.budget.value = -1; }), errors: [['/steps/1/budget/value', /lớn hơn 0/]] },
  { name: 'two steps with one code', process: change((p) => { p.steps[2]!.code = 'THAM_DINH'; }), errors: [['/steps/2/code', /THAM_DINH trùng với mã của bước thứ 2/]] },
  { name: 'the first step must receive', process: change((p) => { p.steps[0]!.purpose = 'handling'; }), errors: [['/steps/0/purpose', /Bước đầu tiên phải là bước tiếp nhận/]] },
  { name: 'reception is the desk\'s', process: change((p) => { p.steps[0]!.role = 'specialist'; }), errors: [['/steps/0/role', /cán bộ tiếp nhận/]] },
  {
    name: 'without a return step', process: change((p) => { p.steps[4]!.purpose = 'issue'; p.steps[4]!.role = 'clerk'; }),
    errors: [['/steps/4/purpose', /đúng một bước trả kết quả/]],
  },
  {
    name: 'two return steps', process: change((p) => { p.steps.splice(4, 0, { ...structuredClone(p.steps[4]!), code: 'TRA_2' }); p.steps[3]!.next.push({ kind: 'forward', to: 'TRA_2' }); p.steps[4]!.next = [{ kind: 'forward', to: 'TRA_KET_QUA' }]; }),
    errors: [['/steps/5/purpose', /chỉ được có một bước trả kết quả/], ['/steps/4/purpose', /phải là bước cuối cùng/]],
  },
  {
    name: 'the return step must come last', process: change((p) => { const [ret] = p.steps.splice(4, 1); p.steps.splice(3, 0, ret!); }),
    errors: [['/steps/3/purpose', /phải là bước cuối cùng/]],
  },
  { name: 'the return step is the desk\'s', process: change((p) => { p.steps[4]!.role = 'clerk'; }), errors: [['/steps/4/role', /Bước trả kết quả phải do cán bộ tiếp nhận/]] },
  { name: 'the clerk issues', process: change((p) => { p.steps[3]!.role = 'specialist'; }), errors: [['/steps/3/role', /văn thư/]] },
  { name: 'a leader approves', process: change((p) => { p.steps[2]!.role = 'specialist'; }), errors: [['/steps/2/role', /lãnh đạo/]] },
  { name: 'a transition to a step that does not exist', process: change((p) => { p.steps[2]!.next[1]!.to = 'KHONG_CO'; }), errors: [['/steps/2/next/1/to', /Không có bước mã KHONG_CO/]] },
  { name: 'a step leading to itself', process: change((p) => { p.steps[1]!.next.push({ kind: 'sendBack', to: 'THAM_DINH' }); }), errors: [['/steps/1/next/1/to', /chính nó/]] },
  { name: 'a named unit that does not exist', process: change((p) => { p.steps[1]!.unit = { kind: 'agency', agencyCode: '000.00.99.H99' }; }), errors: [['/steps/1/unit/agencyCode', /000\.00\.99\.H99/]] },
  {
    name: 'a consultation longer than its step', process: change((p) => { p.steps[1]!.consultation = { budget: { value: 31, unit: 'workingHours' } }; }),
    errors: [['/steps/1/consultation/budget/value', /Thời hạn lấy ý kiến/]],
  },
  {
    name: 'a step nothing leads to', process: change((p) => { p.steps.splice(3, 0, { ...structuredClone(p.steps[3]!), code: 'MO_COI', purpose: 'handling', role: 'specialist' }); }),
    errors: [['/steps/3/code', /dẫn đến bước MO_COI/]],
  },
  {
    name: 'a step that can only go back never ends in a result', process: change((p) => {
      p.steps[1]!.next.push({ kind: 'handOver', to: 'PHOI_HOP' });
      p.steps.splice(2, 0, { code: 'PHOI_HOP', name: 'Phối hợp', purpose: 'handling', unit: { kind: 'agency', agencyCode: '000.00.12.H99' }, role: 'specialist', budget: { value: 4, unit: 'workingHours' }, next: [{ kind: 'sendBack', to: 'THAM_DINH' }] });
    }),
    errors: [['/steps/2/next', /Từ bước PHOI_HOP không có đường tiến/]],
  },
  {
    name: 'a loop of forward transitions', process: change((p) => { p.steps[2]!.next[1]!.kind = 'forward'; }),
    errors: [['/steps/2/next/1/to', /THAM_DINH → PHE_DUYET → THAM_DINH tạo thành vòng lặp/]],
  },
  {
    name: 'budgets over the shortest limit, by how much, on the heaviest step', process: change((p) => { p.steps[2]!.budget = { value: 2, unit: 'workingDays' }; }),
    errors: [['/steps/1/budget/value', /\(TIEP_NHAN → THAM_DINH → PHE_DUYET → BAN_HANH → TRA_KET_QUA\) là 50 giờ làm việc \(6,25 ngày\), vượt 10 giờ làm việc \(1,25 ngày\) so với .* là 40 giờ làm việc \(5 ngày\)\./]],
  },
];

describe('validateProcess (issue 4 §2)', () => {
  it('accepts the default process and totals its budgets against the shortest case limit', () => {
    const result = validateProcess(base(), rules, 'vi');
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(result.ok && result.total, { path: ['TIEP_NHAN', 'THAM_DINH', 'PHE_DUYET', 'BAN_HANH', 'TRA_KET_QUA'], hours: 40, limitHours: 40 });
  });

  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const result = validateProcess(c.process, rules, 'vi');
      assert.equal(result.ok, false);
      const errors = result.ok ? [] : result.errors;
      for (const [path, message] of c.errors) {
        const found = errors.find((e) => e.path === path);
        assert.ok(found, `no error at ${path}: ${JSON.stringify(errors)}`);
        assert.match(found.message, message);
      }
    });
  }

  it('speaks English to an English reader', () => {
    const result = validateProcess(change((p) => { p.steps[3]!.role = 'leader'; }), rules, 'en');
    assert.deepEqual(result.ok ? [] : result.errors, [{ path: '/steps/3/role', message: 'Issuing the result must be done by a clerk.' }]);
  });

  it('counts a hand-over on the way once, and a send-back not at all', () => {
    const p = change((d) => {
      d.steps[1]!.next.push({ kind: 'handOver', to: 'XAC_MINH' });
      d.steps[1]!.budget = { value: 20, unit: 'workingHours' };
      d.steps.splice(2, 0, { code: 'XAC_MINH', name: 'Xác minh', purpose: 'handling', unit: { kind: 'agency', agencyCode: '000.00.12.H99' }, role: 'specialist', budget: { value: 8, unit: 'workingHours' },
        next: [{ kind: 'forward', to: 'PHE_DUYET' }, { kind: 'handOver', to: 'THAM_DINH' }] });
    });
    const total = budgetTotal(p, rules.caseLimits);
    assert.deepEqual(total.path, ['TIEP_NHAN', 'THAM_DINH', 'XAC_MINH', 'PHE_DUYET', 'BAN_HANH', 'TRA_KET_QUA']);
    assert.equal(total.hours, 20 + 8 + 6 + 4);
    assert.equal(validateProcess(p, rules, 'vi').ok, true);
  });

  it('reads calendar-day limits as the working days they hold at least', () => {
    assert.equal(budgetTotal(base(), [{ value: 15, unit: 'calendarDays' }]).limitHours, 80);
  });
});
