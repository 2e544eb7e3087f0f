import type { ResolvedPolicy } from '../../model/policy';
import { PhiClassifier } from './classify';

const classifiers = new WeakMap<ResolvedPolicy, PhiClassifier>();

/** One classifier per policy object: its identifier cache then serves every file of a scan. */
export function classifierFor(policy: ResolvedPolicy): PhiClassifier {
  let classifier = classifiers.get(policy);
  if (!classifier) classifiers.set(policy, (classifier = new PhiClassifier(policy)));
  return classifier;
}
