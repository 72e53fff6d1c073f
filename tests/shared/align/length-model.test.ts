import { describe, expect, it } from 'vitest';
import { lengthMatchCost, logErfc } from '../../../src-main/shared/align/length-model';

describe('logErfc', () => {
  it('matches reference values of erfc to about 1e-7 relative error', () => {
    // Reference values: erfc(0) = 1, erfc(1) = 0.157299207050285, erfc(3) = 2.20904969985854e-5.
    expect(Math.exp(logErfc(0))).toBeCloseTo(1, 6);
    expect(Math.exp(logErfc(1)) / 0.157299207050285).toBeCloseTo(1, 6);
    expect(Math.exp(logErfc(3)) / 2.20904969985854e-5).toBeCloseTo(1, 6);
    expect(Math.exp(logErfc(-1))).toBeCloseTo(2 - 0.157299207050285, 6);
  });

  it('stays finite far in the tail where erfc underflows', () => {
    // ln erfc(30) ≈ −900 − ln(30·√π) ≈ −904.0
    expect(logErfc(30)).toBeCloseTo(-904.0, 0);
  });
});

describe('lengthMatchCost', () => {
  it('is zero-ish for lengths in the expected ratio and grows with the mismatch', () => {
    expect(lengthMatchCost(200, 240, 1.2, 6.8)).toBeCloseTo(0, 6);
    const near = lengthMatchCost(200, 260, 1.2, 6.8);
    const far = lengthMatchCost(200, 400, 1.2, 6.8);
    expect(near).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(near);
    expect(lengthMatchCost(0, 0, 1, 6.8)).toBe(0);
  });
});
