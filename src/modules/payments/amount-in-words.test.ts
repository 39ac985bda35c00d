import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { amountInWords, formatVnd } from './amount-in-words.ts';

describe('amount in Vietnamese words for e-receipts (issue 5 §2)', () => {
  it('reads amounts as receipts print them', () => {
    const cases: [number, string][] = [
      [0, 'Không đồng'], [5, 'Năm đồng'], [10, 'Mười đồng'], [15, 'Mười lăm đồng'], [21, 'Hai mươi mốt đồng'], [24, 'Hai mươi tư đồng'],
      [25, 'Hai mươi lăm đồng'], [101, 'Một trăm linh một đồng'], [110, 'Một trăm mười đồng'], [1001, 'Một nghìn không trăm linh một đồng'],
      [15_000, 'Mười lăm nghìn đồng'], [20_000, 'Hai mươi nghìn đồng'], [105_000, 'Một trăm linh năm nghìn đồng'],
      [1_250_000, 'Một triệu hai trăm năm mươi nghìn đồng'], [1_000_005, 'Một triệu không trăm linh năm đồng'],
      [2_000_015_000, 'Hai tỷ không trăm mười lăm nghìn đồng'], [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    ];
    for (const [amount, words] of cases) assert.equal(amountInWords(amount), words, String(amount));
  });

  it('refuses what is not an amount', () => {
    assert.throws(() => amountInWords(-1), RangeError);
    assert.throws(() => amountInWords(1.5), RangeError);
  });

  it('writes figures with dot thousands', () => {
    assert.equal(formatVnd(15000), '15.000 ₫');
    assert.equal(formatVnd(1250000), '1.250.000 ₫');
    assert.equal(formatVnd(500), '500 ₫');
  });
});
