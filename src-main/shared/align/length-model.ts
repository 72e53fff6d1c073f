/**
 * The length model of Gale & Church (1993), "A Program for Aligning Sentences in Bilingual
 * Corpora", Computational Linguistics 19(1): the length of a translation is normally
 * distributed around `c` times the length of the original, with variance `s²` per character.
 * Costs are negative natural logs, so the aligner adds them instead of multiplying
 * probabilities.
 */

/** The paper's variance of the length ratio per character (its section 4). */
export const GALE_CHURCH_VARIANCE = 6.8;

/**
 * ln(erfc(x)) for x ≥ 0, computed in log space so far tails stay finite instead of
 * underflowing to ln(0). Chebyshev fit of erfc from Press et al., *Numerical Recipes*
 * (2nd ed., §6.2, `erfcc`): fractional error below 1.2e-7 everywhere.
 */
export function logErfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
    t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const logValue = Math.log(t) - z * z + poly;
  // erfc(-z) = 2 - erfc(z); only x ≥ 0 occurs here, but stay correct for negatives.
  return x >= 0 ? logValue : Math.log(2 - Math.exp(logValue));
}

/**
 * Cost (−ln probability) that a left block of `leftLength` characters and a right block of
 * `rightLength` characters are translations of each other, given the expected ratio `c`
 * (right characters per left character) and the per-character variance `s2`.
 *
 * Both lengths are expressed in left-side characters (right ÷ c) so the paper's c = 1 model
 * applies; the variance uses the mean of the two, as the paper's published program does, so
 * the cost is finite when one side is short. P(|δ| ≥ |observed δ|) = erfc(|δ|/√2).
 */
export function lengthMatchCost(leftLength: number, rightLength: number, c: number, s2: number): number {
  const rightInLeftUnits = rightLength / c;
  const mean = (leftLength + rightInLeftUnits) / 2;
  if (mean <= 0) return 0;
  const delta = (leftLength - rightInLeftUnits) / Math.sqrt(s2 * mean);
  return -logErfc(Math.abs(delta) / Math.SQRT2);
}
