/**
 * @fileoverview Test support: AUC by its pairwise definition, written independently of
 * src/core/metrics so attack tests don't check the metric with itself.
 */

/** P(member score > non-member score), ties counting half. Quadratic: for small test cases. */
export function pairwiseAuc(scores: ArrayLike<number>, isMember: ArrayLike<number>): number {
  let wins = 0, pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!isMember[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (isMember[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}
