// One statement against one request, element by element (IAM User Guide "Policy evaluation logic":
// Action, Resource, Principal for resource-side policies, then every Condition). The verdict
// follows scan.ts rule for rule; the per-value detail says which value of each element matched.
import { explainCondition } from './explain-condition.js';
import type { XStatement } from './explain-compile.js';
import type { ActionDetail, ConditionDetail, PrincipalDetail, ResourceDetail, StatementDetail } from './explain-types.js';
import { matchAction } from './match-action.js';
import { exemptByNotPrincipal, matchPrincipal } from './match-principal.js';
import { matchResourceEntry } from './match-resource.js';
import type { Probe } from './probe.js';
import type { ScanMode } from './scan.js';
import { resolveTemplate, tokensText } from './variables.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function explainStatement(st: XStatement, probe: Probe, mode: ScanMode): StatementDetail {
  const out: Mutable<StatementDetail> = { index: st.index, effect: st.effect, matched: false };
  if (st.sid !== undefined) out.sid = st.sid;
  if (st.never !== null) {
    out.never = st.never;
    return out;
  }
  const action = actionDetail(st, probe);
  out.action = action;
  if (!action.matched) return out;
  const resource = resourceDetail(st, probe);
  if (resource !== null) out.resource = resource;
  let principalOK = true;
  if (mode !== 'identity') {
    const principal = principalDetail(st, probe, mode);
    out.principal = principal;
    principalOK = principal.matched;
  }
  const conditions: ConditionDetail[] = st.conditions.map((c) => explainCondition(c, probe));
  out.conditions = conditions;
  out.matched = (resource?.matched ?? true) && principalOK && conditions.every((c) => c.holds);
  return out;
}

function actionDetail(st: XStatement, probe: Probe): ActionDetail {
  const matching = st.actions.filter((a) => matchAction(a.m, probe)).map((a) => a.value);
  return {
    element: st.actionElement,
    matching,
    matched: matching.length > 0 !== (st.actionElement === 'NotAction'),
  };
}

function resourceDetail(st: XStatement, probe: Probe): ResourceDetail | null {
  if (st.resourceElement === null) return null;
  const values = st.resources.map((r) => {
    const matches = matchResourceEntry(r.e, probe.resource, probe);
    if (r.template === null) return { value: r.value, matches };
    const tokens = resolveTemplate(r.template, probe);
    return { value: r.value, resolved: tokens === null ? null : tokensText(tokens), matches };
  });
  const any = values.some((v) => v.matches);
  const out = { element: st.resourceElement, values, matched: any !== (st.resourceElement === 'NotResource') };
  // IAM User Guide "IAM policy elements: Variables and tags": an entry whose variable has no value
  // "will not match any resource", for Resource and NotResource alike; what that does to a NotResource
  // statement is not said (docs/aws-rules.md "Where AWS is silent")
  return st.resourceElement === 'NotResource' && values.some((v) => v.resolved === null) ? { ...out, rule: NOT_RESOURCE_UNRESOLVED } : out;
}

const NOT_RESOURCE_UNRESOLVED =
  'AWS does not document this case: an entry whose variable has no value matches no resource; ' +
  'iamsim assumes that entry excludes nothing, so NotResource covers every resource the other entries do not list';

/**
 * Mirrors scan.ts: a statement without Principal/NotPrincipal never applies on the resource side;
 * Allow + NotPrincipal never applies; Deny + NotPrincipal applies to a caller with a permissions
 * boundary whatever it lists, otherwise to every caller it does not fully exempt (IAM User Guide
 * "AWS JSON policy elements: Principal", "AWS JSON policy elements: NotPrincipal").
 */
function principalDetail(st: XStatement, probe: Probe, mode: ScanMode): PrincipalDetail {
  const values = st.principals.map((p) => ({ type: p.type, value: p.value, match: matchPrincipal(p.m, probe) }));
  const m = st.principal;
  if (m === null || st.principalElement === null) {
    return {
      element: null,
      values,
      matched: false,
      rule: 'a statement of a resource-based policy without Principal or NotPrincipal never applies',
    };
  }
  if (st.principalElement === 'Principal') {
    const how = matchPrincipal(m, probe);
    if (how === 'account' && mode === 'endpoint' && probe.principal.kind !== 'root') {
      const rule = "in an endpoint policy an account principal names only the account's root user (AWS PrivateLink Guide)";
      return { element: 'Principal', values, matched: false, rule };
    }
    return how === null ? { element: 'Principal', values, matched: false } : { element: 'Principal', values, matched: true, how };
  }
  if (st.effect === 'Allow') {
    return {
      element: 'NotPrincipal',
      values,
      matched: false,
      rule: 'iamsim never applies Allow with NotPrincipal (AWS advises against it)',
    };
  }
  if (probe.hasBoundary) {
    return {
      element: 'NotPrincipal',
      values,
      matched: true,
      rule: 'the caller has a permissions boundary, so Deny with NotPrincipal applies whatever it lists',
    };
  }
  const exempt = exemptByNotPrincipal(m, probe);
  return exempt
    ? { element: 'NotPrincipal', values, matched: false, rule: 'NotPrincipal lists every identity level of the caller, which exempts it' }
    : {
        element: 'NotPrincipal',
        values,
        matched: true,
        rule: 'NotPrincipal does not list every identity level of the caller, so the Deny applies to it',
      };
}
