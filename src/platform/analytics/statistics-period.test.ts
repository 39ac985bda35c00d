import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readPeriod } from './statistics-period.ts';

const now = new Date('2026-11-02T20:00:00Z'); // 03:00 on 3 November in Viet Nam

describe('access statistics period (P-14)', () => {
  it('defaults to the last 30 days up to today, Viet Nam time', () => {
    assert.deepEqual(readPeriod({}, now), { ok: true, period: { from: '2026-10-05', to: '2026-11-03' } });
  });

  it('names the field that is wrong', () => {
    assert.deepEqual(readPeriod({ from: '2026-02-30', to: '2026-03-01' }, now), { ok: false, errors: [{ name: 'from', message: 'stats.error.date' }] });
    assert.deepEqual(readPeriod({ from: '2026-03-02', to: '2026-03-01' }, now), { ok: false, errors: [{ name: 'from', message: 'stats.error.order' }] });
    assert.deepEqual(readPeriod({ from: '2024-12-31', to: '2026-01-01' }, now), { ok: false, errors: [{ name: 'from', message: 'stats.error.span' }] });
    assert.equal(readPeriod({ from: '2025-01-01', to: '2026-01-01' }, now).ok, true, '366 days are allowed');
  });
});
