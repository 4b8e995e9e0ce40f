// Money typed in currency units and stored in minor units, both ways, without float drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyDigits, fromMinorUnits, toMinorUnits } from '../../admin/src/crud/form/money.ts';

test('currencies have their own number of minor digits', () => {
  assert.equal(currencyDigits('EUR'), 2);
  assert.equal(currencyDigits('JPY'), 0);
  assert.equal(currencyDigits('KWD'), 3);
  assert.equal(currencyDigits('not a code'), 2);
});

test('typed amounts become exact minor units', () => {
  assert.equal(toMinorUnits('12.50', 2), 1250);
  assert.equal(toMinorUnits('12,5', 2), 1250, 'a French decimal comma');
  assert.equal(toMinorUnits('0.29', 2), 29);
  assert.equal(toMinorUnits(0.1 + 0.2, 2), 30, 'a float sum is not 30.000000000000004 cents');
  assert.equal(toMinorUnits(1.005, 2), 101, 'half a cent rounds away from zero');
  assert.equal(toMinorUnits('1.004', 2), 100);
  assert.equal(toMinorUnits('-3.2', 2), -320);
  assert.equal(toMinorUnits('.5', 2), 50);
  assert.equal(toMinorUnits('1500', 0), 1500);
  assert.equal(toMinorUnits('1.2345', 3), 1235);
  assert.equal(toMinorUnits('', 2), null);
  assert.equal(toMinorUnits(null, 2), null);
  assert.ok(Number.isNaN(toMinorUnits('12 euros', 2)));
  assert.ok(Number.isNaN(toMinorUnits('.', 2)));
});

test('minor units show as the amount the input holds', () => {
  assert.equal(fromMinorUnits(1250, 2), '12.50');
  assert.equal(fromMinorUnits(5, 2), '0.05');
  assert.equal(fromMinorUnits(-320, 2), '-3.20');
  assert.equal(fromMinorUnits('123456', 2), '1234.56', 'bigint as a string');
  assert.equal(fromMinorUnits(1500, 0), '1500');
  assert.equal(fromMinorUnits(null, 2), null);
  for (const cents of [0, 1, 99, 100, 1999, 123456789]) assert.equal(toMinorUnits(fromMinorUnits(cents, 2), 2), cents);
});
