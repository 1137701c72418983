/**
 * @fileoverview Input types and checks shared by the metrics modules.
 *
 * Every public metric validates here first, so a bad input fails with one message that names
 * the function and the problem (a NaN score, a length mismatch, a label that is not 0/1)
 * instead of quietly producing a number that means nothing.
 */

/** Attack scores, one per record; higher means "more likely a member". Never mutated. */
export type ScoreArray = ArrayLike<number>;

/** Ground-truth membership, one per record: 1 / true = member, 0 / false = non-member. Never mutated. */
export type MembershipArray = Uint8Array | readonly boolean[];

/**
 * Throws if any value is NaN, naming the first offending index and how many there are.
 * ±Infinity is allowed: a log-likelihood ratio or a loss can legitimately overflow.
 */
export function assertNoNaN(fn: string, values: ScoreArray, what = 'score'): void {
  let first = -1;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (count > 0) {
    throw new Error(
      `${fn}: ${what} at index ${first} is NaN (${count} NaN ${what}s in all); drop or impute them first`,
    );
  }
}

/**
 * Copies membership into validated 0/1 bytes of length `n`. Copying costs O(n) but lets the
 * rest of the module index one representation and guarantees the caller's array is untouched.
 */
export function membershipBits(fn: string, isMember: MembershipArray, n: number): Uint8Array {
  if (isMember.length !== n) {
    throw new Error(`${fn}: ${n} scores but ${isMember.length} membership labels`);
  }
  const bits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = isMember[i];
    if (v === true || v === 1) bits[i] = 1;
    else if (v !== false && v !== 0) {
      throw new Error(`${fn}: membership label at index ${i} is ${String(v)}; expected 0/1 or a boolean`);
    }
  }
  return bits;
}

/** Number of members (ones) in validated membership bits. */
export function countMembers(bits: Uint8Array): number {
  let p = 0;
  for (let i = 0; i < bits.length; i++) p += bits[i];
  return p;
}

/** Throws unless both classes are present; ROC, AUC and TPR/FPR trade-offs need both. */
export function assertBothClasses(fn: string, members: number, nonMembers: number): void {
  if (members === 0 || nonMembers === 0) {
    throw new Error(
      `${fn}: needs at least one member and one non-member (got ${members} members, ` +
        `${nonMembers} non-members); the metric is undefined for a single class`,
    );
  }
}
