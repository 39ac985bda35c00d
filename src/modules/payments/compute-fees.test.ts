import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/http/app-error.ts';
import { computeFees, type CaseFee } from './compute-fees.ts';

const fee = (code: string, basis: CaseFee['basis'], amount: number): CaseFee => ({ code, name: `Phí ${code}`, kind: 'fee', amount, basis, note: '' });
const paths = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.fieldErrors.map((e) => e.path);
  }
  assert.fail('expected a validation error');
};

describe('fees from the procedure case (issue 5 §2, ST-06)', () => {
  it('adds fixed fees, per-copy fees times the copies and officer-set fees with their reason', () => {
    const result = computeFees([fee('LP1', 'fixed', 15_000), fee('P2', 'perCopy', 2_000), fee('P3', 'officerSet', 0)],
      { copies: 3, officerSet: { P3: { amount: 50_000, reason: 'Thẩm định hồ sơ phức tạp' } } }, 'vi');
    assert.deepEqual(result.items.map((i) => [i.code, i.amount]), [['LP1', 15_000], ['P2', 6_000], ['P3', 50_000]]);
    assert.equal(result.total, 71_000);
    assert.match(result.items[1]!.name, /3 bản/);
    assert.match(result.items[2]!.name, /Thẩm định hồ sơ phức tạp/);
  });

  it('leaves out exempt (zero) fees', () => {
    assert.deepEqual(computeFees([fee('LP1', 'fixed', 20_000), fee('LP2', 'fixed', 0)], {}, 'vi').items.map((i) => i.code), ['LP1']);
  });

  it('requires the copies for per-copy fees and a reason and amount for officer-set fees', () => {
    assert.deepEqual(paths(() => computeFees([fee('P2', 'perCopy', 2_000)], {}, 'vi')), ['/copies']);
    assert.deepEqual(paths(() => computeFees([fee('P2', 'perCopy', 2_000)], { copies: 0 }, 'vi')), ['/copies']);
    assert.deepEqual(paths(() => computeFees([fee('P3', 'officerSet', 0)], { officerSet: { P3: { amount: 10_000, reason: '  ' } } }, 'vi')), ['/fees/P3/reason']);
    assert.deepEqual(paths(() => computeFees([fee('P3', 'officerSet', 0)], { officerSet: { P3: { amount: -5, reason: 'x' } } }, 'en')), ['/fees/P3/amount']);
  });

  it('refuses a request with nothing to pay', () => {
    assert.deepEqual(paths(() => computeFees([], {}, 'vi')), ['/fees']);
    assert.deepEqual(paths(() => computeFees([fee('LP1', 'fixed', 0)], {}, 'vi')), ['/fees']);
  });
});
