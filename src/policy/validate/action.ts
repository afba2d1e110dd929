// Action / NotAction validation (IAM User Guide "IAM JSON policy elements: Action", "IAM JSON
// policy element reference"): a vendor prefix of [A-Za-z0-9.-], one colon; trust policies only take
// STS actions; IAM does not check that the action exists.
import type { PolicyKind, PolicyProblem } from '../types.js';
import { MSG, type Path } from './messages.js';
import { checkNamed } from './shape.js';

const VENDOR = /^[A-Za-z0-9.-]+$/;

export function checkActions(value: unknown, path: Path, kind: PolicyKind, out: PolicyProblem[]): void {
  checkNamed(value, path, MSG.noActions, (action) => actionProblem(action, kind), out);
}

function actionProblem(action: string, kind: PolicyKind): string | null {
  if (action === '*') {
    if (kind === 'trust') return MSG.trustActions;
    // customer RCPs must name a service (IAM User Guide "IAM JSON policy elements: Action")
    return kind === 'rcp' ? MSG.syntax : null;
  }
  const parts = action.split(':');
  if (parts.length === 1 || parts[0] === '') return MSG.vendor;
  if (parts.length > 2) return MSG.oneColon;
  const vendor = parts[0]!;
  if (!VENDOR.test(vendor)) return MSG.vendorInvalid(vendor);
  if (kind === 'trust' && vendor.toLowerCase() !== 'sts') return MSG.trustActions;
  return null;
}
