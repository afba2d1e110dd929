# The grammar of `.iam` scenarios (described in docs/language.md).
# `npm run grammar` compiles it to src/dsl/grammar.generated.ts; src/dsl/parse.ts runs it.
#
# This grammar is the specification of the language and the source of every syntax error. For
# speed (nearley costs microseconds per token), parseScenario first tries src/dsl/fast-parse.ts, a
# hand-written recursive-descent parser that follows these rules for valid input and calls the same
# builders; at anything it does not accept it gives up and nearley parses the whole input here.
# test/dsl/fast-parse*.test.ts check that it never accepts what this grammar rejects nor builds
# another tree, and that it accepts the fixtures and generated scenarios: a change here needs the
# same change there.
#
# Conventions:
# - Tokens come from src/dsl/scanner.ts (through lexer.ts): %word, %string ("…"), %tstring
#   ("""…"""), %key (`Name:` or `"name":`), %jsontext (the balanced JSON after `json`);
#   punctuation and keywords are matched by their source text, so a quoted "allow" is never the
#   keyword.
# - Keywords are contextual: a keyword is an ordinary word, usable as a name wherever that is
#   unambiguous. Where a free name could swallow a keyword that may follow it, the name is built
#   with b.unreserved(token, CONTEXT, reject), which rejects that context's keywords (see
#   RESERVED in src/dsl/build.ts); such a name must be quoted.
# - Each postprocessor is one call into a typed builder (b: shared, p: policies, w: world,
#   o: organizations, s: steps), `id`, or `second` (the middle of `{ … }`).
# - Lists are left-recursive and built as cons cells (b.snoc), flattened once by their owner.
#   No `:*`/`:+`: nearley's EBNF copies arrays at every item.
# - An optional ";" may end any item: `Items -> null | Items Item ";":?`.
# - Exactly one parse per file: test/dsl asserts it for every fixture.

@preprocessor typescript

@{%
import { lexer } from './lexer.js';
import * as b from './build.js';
import * as o from './build-org.js';
import * as p from './build-policy.js';
import * as s from './build-step.js';
import * as w from './build-world.js';

const second = (d: readonly unknown[]): unknown => d[1];
%}

@lexer lexer

# The world items as a cons list; parseScenario flattens it (once, not at every item).
main -> WorldItems {% id %}

WorldItems -> null {% b.nil %}
  | WorldItems WorldItem ";":? {% (d) => b.snoc(d[0], d[1]) %}

WorldItem
  -> "scenario" Name {% (d) => w.setting(d[0], 'ScenarioTitle', d[1]) %}
   | "description" Description {% (d) => w.setting(d[0], 'Description', d[1]) %}
   | "clock" Name {% (d) => w.setting(d[0], 'Clock', d[1]) %}
   | "region" Name {% (d) => w.setting(d[0], 'Region', d[1]) %}
   | "wait" Name {% (d) => w.setting(d[0], 'Wait', d[1]) %}
   | Account {% id %}
   | Organization {% id %}
   | OidcProvider {% id %}
   | OidcIssuer {% id %}
   | Step {% id %}

# ---- names, references, values ----------------------------------------------------------------

Name -> %word {% (d) => b.text(d[0]) %}
  | %string {% (d) => b.text(d[0]) %}

NameList -> Name {% (d) => b.snoc(null, d[0]) %}
  | NameList "," Name {% (d) => b.snoc(d[0], d[2]) %}

Description -> %tstring {% (d) => b.text(d[0]) %}
  | %string {% (d) => b.text(d[0]) %}

RefWord -> "account" {% id %} | "user" {% id %} | "group" {% id %} | "role" {% id %}
  | "policy" {% id %} | "bucket" {% id %} | "mfa" {% id %} | "cluster" {% id %}
  | "oidc-provider" {% id %}

Ref -> RefWord Name {% (d, _, reject) => b.ref(d[0], d[1], reject) %}

# A reference, a name or an ARN outside statements (attach, boundary, groups, call … resource).
RefOrText -> Ref {% id %}
  | %word {% (d, _, reject) => b.unreserved(d[0], 'ref', reject) %}
  | %string {% (d) => b.text(d[0]) %}

RefOrTextList -> RefOrText {% (d) => b.snoc(null, d[0]) %}
  | RefOrTextList "," RefOrText {% (d) => b.snoc(d[0], d[2]) %}

ForCluster -> "oidc-provider" "for" "cluster" Name {% (d) => b.forCluster(d[0], d[3]) %}

Value -> Name {% id %}
  | Ref {% id %}
  | ForCluster {% id %}
  | Json {% id %}
  | "env" Name {% (d) => b.env(d[0], d[1]) %}
  | "file" Name {% (d) => b.fileVar(d[0], d[1]) %}
  | "credentials" Name {% (d) => b.credentials(d[0], d[1]) %}
  | Token {% id %}
  | "[" "]" {% (d) => b.list(d[0], null) %}
  | "[" ValueList "]" {% (d) => b.list(d[0], d[1]) %}

# A web identity token: `token from pod A/c/ns/p` or `token issuer NAME`, then forgeries
# (`signed-by KEY`, `alg none`, `tampered`) and claims `{ sub: …, exp: -1h }`.
Token -> "token" TokenSource TokenModifiers EntryBlock:? {% (d) => b.token(d[0], d[1], d[2], d[3]) %}

TokenSource -> "from" "pod" Name {% (d) => b.tokenSource('pod', d[2]) %}
  | "issuer" Name {% (d) => b.tokenSource('issuer', d[1]) %}

TokenModifiers -> null {% b.nil %}
  | TokenModifiers TokenModifier {% (d) => b.snoc(d[0], d[1]) %}

TokenModifier -> "signed-by" Name {% (d) => b.tokenModifier(d[0], d[1]) %}
  | "alg" Name {% (d) => b.tokenModifier(d[0], d[1]) %}
  | "tampered" {% (d) => b.tokenModifier(d[0], null) %}

ValueList -> Value {% (d) => b.snoc(null, d[0]) %}
  | ValueList "," Value {% (d) => b.snoc(d[0], d[2]) %}

Json -> "json" %jsontext {% (d) => b.json(d[1]) %}
  | "json" %word {% (d) => b.jsonScalar(d[1]) %}
  | "json" %string {% (d) => b.jsonScalar(d[1]) %}

# `{ Key: value … }`: entries separated by ",", ";" or nothing.
EntryBlock -> "{" Entries "}" {% (d) => b.entries(d[1]) %}

Entries -> null {% b.nil %}
  | EntryRun Separator:? {% id %}

EntryRun -> Entry {% (d) => b.snoc(null, d[0]) %}
  | EntryRun Separator:? Entry {% (d) => b.snoc(d[0], d[2]) %}

Separator -> "," {% id %} | ";" {% id %}

Entry -> %key Value {% (d) => b.entry(d[0], d[1]) %}

# ---- policies ---------------------------------------------------------------------------------

PolicyBody -> "{" Statements "}" {% (d) => p.statements(d[0], d[1]) %}
  | "json" %jsontext {% (d) => b.json(d[1]) %}
  | "file" Name {% (d) => p.policyFile(d[0], d[1]) %}

Statements -> null {% b.nil %}
  | Statements Statement ";":? {% (d) => b.snoc(d[0], d[1]) %}

# A statement ends where the next `allow`/`deny`/`}` begins.
Statement -> "allow" Clauses {% (d) => p.statement(d[0], 'Allow', d[1]) %}
  | "deny" Clauses {% (d) => p.statement(d[0], 'Deny', d[1]) %}

Clauses -> Clause {% (d) => b.snoc(null, d[0]) %}
  | Clauses Clause {% (d) => b.snoc(d[0], d[1]) %}

Clause -> "sid" SName {% (d) => p.sid(d[0], d[1]) %}
  | "principal" Principals {% (d) => p.principals(d[0], 'Principal', d[1]) %}
  | "not-principal" Principals {% (d) => p.principals(d[0], 'NotPrincipal', d[1]) %}
  | "action" SNames {% (d) => p.actions(d[0], 'Action', d[1]) %}
  | "not-action" SNames {% (d) => p.actions(d[0], 'NotAction', d[1]) %}
  | "resource" SItems {% (d) => p.resources(d[0], 'Resource', d[1]) %}
  | "not-resource" SItems {% (d) => p.resources(d[0], 'NotResource', d[1]) %}
  | "when" SName ConditionKey SItems {% (d) => p.condition(d[0], d[1], d[2], d[3]) %}

# Inside statements, statement keywords are not names.
SName -> %word {% (d, _, reject) => b.unreserved(d[0], 'statement', reject) %}
  | %string {% (d) => b.text(d[0]) %}

SNames -> SName {% (d) => b.snoc(null, d[0]) %}
  | SNames "," SName {% (d) => b.snoc(d[0], d[2]) %}

# The key may be written with a trailing colon: `when StringEquals aws:username: bob`.
ConditionKey -> SName {% id %}
  | %key {% (d) => b.text(d[0]) %}

# A resource or condition value: a reference, an ARN, `*`, a literal.
SItem -> RefWord SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | %word {% (d, _, reject) => b.unreserved(d[0], 'statement-value', reject) %}
  | %string {% (d) => b.text(d[0]) %}

SItems -> SItem {% (d) => b.snoc(null, d[0]) %}
  | SItems "," SItem {% (d) => b.snoc(d[0], d[2]) %}

Principal -> "*" {% (d) => p.anyPrincipal(d[0]) %}
  | PrincipalRefWord SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | "service" SName {% (d) => p.servicePrincipal(d[0], d[1]) %}
  | "federated" Federated {% (d) => p.federatedPrincipal(d[0], d[1]) %}
  | %word {% (d, _, reject) => b.unreserved(d[0], 'principal', reject) %}
  | %string {% (d) => b.text(d[0]) %}

PrincipalRefWord -> "account" {% id %} | "user" {% id %} | "role" {% id %}

Principals -> Principal {% (d) => b.snoc(null, d[0]) %}
  | Principals "," Principal {% (d) => b.snoc(d[0], d[2]) %}

Federated -> ForCluster {% id %}
  | %word {% (d, _, reject) => b.unreserved(d[0], 'federated', reject) %}
  | %string {% (d) => b.text(d[0]) %}

# ---- accounts ---------------------------------------------------------------------------------

Account -> "account" Name Name AccountBody:? {% (d) => w.account(d[0], d[1], d[2], d[3]) %}

AccountBody -> "{" AccountMembers "}" {% second %}

AccountMembers -> null {% b.nil %}
  | AccountMembers AccountMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

AccountMember -> User {% id %} | Group {% id %} | Role {% id %} | ManagedPolicy {% id %}
  | Bucket {% id %} | ResourceDecl {% id %} | Cluster {% id %} | OidcProvider {% id %}
  | OidcIssuer {% id %} | Tags {% id %}

User -> "user" Name UserBody:? {% (d) => w.user(d[0], d[1], d[2]) %}

UserBody -> "{" UserMembers "}" {% second %}

UserMembers -> null {% b.nil %}
  | UserMembers UserMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

UserMember -> "groups" RefOrTextList {% (d) => w.groups(d[0], d[1]) %}
  | Inline {% id %}
  | Attach {% id %}
  | Boundary {% id %}
  | Tags {% id %}
  | Path {% id %}
  | "mfa-device" Name {% (d) => w.mfaDevice(d[0], d[1], null) %}
  | "mfa-device" Name "code" Name {% (d) => w.mfaDevice(d[0], d[1], d[3]) %}
  | "access-key" {% (d) => w.accessKey(d[0]) %}

Group -> "group" Name GroupBody:? {% (d) => w.group(d[0], d[1], d[2]) %}

GroupBody -> "{" GroupMembers "}" {% second %}

GroupMembers -> null {% b.nil %}
  | GroupMembers GroupMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

GroupMember -> Inline {% id %} | Attach {% id %} | Path {% id %}

Role -> "role" Name RoleBody:? {% (d) => w.role(d[0], d[1], d[2]) %}

RoleBody -> "{" RoleMembers "}" {% second %}

RoleMembers -> null {% b.nil %}
  | RoleMembers RoleMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

RoleMember -> Path {% id %}
  | "max-session-duration" Name {% (d) => w.maxSessionDuration(d[0], d[1]) %}
  | "trust" PolicyBody {% (d) => w.trust(d[0], d[1]) %}
  | Inline {% id %}
  | Attach {% id %}
  | Boundary {% id %}
  | Tags {% id %}
  | "description" Description {% (d) => w.roleDescription(d[0], d[1]) %}

Inline -> "inline" Name PolicyBody {% (d) => w.inline(d[0], d[1], d[2]) %}

Attach -> "attach" RefOrTextList {% (d) => w.attach(d[0], d[1]) %}

Boundary -> "boundary" RefOrText {% (d) => w.boundary(d[0], d[1]) %}

Tags -> "tags" EntryBlock {% (d) => w.tags(d[0], d[1]) %}

Path -> "path" Name {% (d) => w.path(d[0], d[1]) %}

ManagedPolicy -> "policy" Name PolicyBody {% (d) => w.managedPolicy(d[0], d[1], null, d[2]) %}
  | "policy" Name "path" Name PolicyBody {% (d) => w.managedPolicy(d[0], d[1], d[3], d[4]) %}

Bucket -> "bucket" Name ResourceBody:? {% (d) => w.bucket(d[0], d[1], d[2]) %}

ResourceDecl -> "resource" Name ResourceBody:? {% (d) => w.resource(d[0], d[1], d[2]) %}

ResourceBody -> "{" ResourceMembers "}" {% second %}

ResourceMembers -> null {% b.nil %}
  | ResourceMembers ResourceMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

ResourceMember -> "policy" PolicyBody {% (d) => w.resourcePolicy(d[0], d[1]) %}
  | Tags {% id %}

# ---- EKS and OIDC -----------------------------------------------------------------------------

Cluster -> "cluster" Name ClusterBody:? {% (d) => w.cluster(d[0], d[1], d[2]) %}

ClusterBody -> "{" ClusterMembers "}" {% second %}

ClusterMembers -> null {% b.nil %}
  | ClusterMembers ClusterMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

ClusterMember -> "region" Name {% (d) => w.clusterRegion(d[0], d[1]) %}
  | "oidc-issuer-id" Name {% (d) => w.oidcIssuerId(d[0], d[1]) %}
  | Namespace {% id %}

Namespace -> "namespace" Name NamespaceBody:? {% (d) => w.namespace(d[0], d[1], d[2]) %}

NamespaceBody -> "{" NamespaceMembers "}" {% second %}

NamespaceMembers -> null {% b.nil %}
  | NamespaceMembers NamespaceMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

NamespaceMember -> ServiceAccount {% id %} | Pod {% id %}

ServiceAccount -> "service-account" Name ServiceAccountBody:?
  {% (d) => w.serviceAccount(d[0], d[1], d[2]) %}

ServiceAccountBody -> "{" ServiceAccountMembers "}" {% second %}

ServiceAccountMembers -> null {% b.nil %}
  | ServiceAccountMembers ServiceAccountMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

ServiceAccountMember -> "annotation" Entry {% (d) => d[1] %}
  | "pod-identity" RefOrText {% (d) => w.podIdentity(d[0], d[1]) %}

Pod -> "pod" Name {% (d) => w.pod(d[0], d[1], null) %}
  | "pod" Name "{" "}" {% (d) => w.pod(d[0], d[1], null) %}
  | "pod" Name "{" "service-account" Name ";":? "}" {% (d) => w.pod(d[0], d[1], d[4]) %}

OidcProvider -> ForCluster OidcProviderBody:? {% (d) => w.oidcProvider(d[0], d[0], d[1]) %}
  | "oidc-provider" OidcUrl OidcProviderBody:? {% (d) => w.oidcProvider(d[0], d[1], d[2]) %}

OidcUrl -> %word {% (d, _, reject) => b.unreserved(d[0], 'url', reject) %}
  | %string {% (d) => b.text(d[0]) %}

OidcProviderBody -> "{" OidcProviderMembers "}" {% second %}

OidcProviderMembers -> null {% b.nil %}
  | OidcProviderMembers OidcProviderMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

OidcProviderMember -> "client-ids" NameList {% (d) => w.clientIds(d[0], d[1]) %}
  | "thumbprints" NameList {% (d) => w.thumbprints(d[0], d[1]) %}

OidcIssuer -> "oidc-issuer" Name Name {% (d) => w.oidcIssuer(d[0], d[1], d[2]) %}

# ---- organizations ----------------------------------------------------------------------------

Organization -> "organization" Name:? "{" OrgMembers "}" {% (d) => o.organization(d[0], d[1], d[3]) %}

OrgMembers -> null {% b.nil %}
  | OrgMembers OrgMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

OrgMember -> "management" Name {% (d) => o.management(d[0], d[1]) %}
  | OuMember {% id %}

OuMember -> "account" NameList {% (d) => o.orgAccounts(d[0], d[1]) %}
  | "account" Name "{" OrgAccountMembers "}" {% (d) => o.orgAccount(d[0], d[1], d[3]) %}
  | "ou" Name OuId:? OuBody:? {% (d) => o.ou(d[0], d[1], d[2], d[3]) %}
  | OrgPolicy {% id %}
  | Detach {% id %}

OuId -> %word {% (d, _, reject) => b.unreserved(d[0], 'org', reject) %}
  | %string {% (d) => b.text(d[0]) %}

OuBody -> "{" OuMembers "}" {% second %}

OuMembers -> null {% b.nil %}
  | OuMembers OuMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

OrgAccountMembers -> null {% b.nil %}
  | OrgAccountMembers OrgAccountMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

OrgAccountMember -> OrgPolicy {% id %} | Detach {% id %}

OrgPolicy -> "scp" Name PolicyBody:? {% (d) => o.orgPolicy(d[0], 'Scp', d[1], d[2]) %}
  | "rcp" Name PolicyBody:? {% (d) => o.orgPolicy(d[0], 'Rcp', d[1], d[2]) %}

Detach -> "detach" Name {% (d) => o.detach(d[0], d[1]) %}

# ---- steps ------------------------------------------------------------------------------------

Step -> "step" Name "{" StepMembers "}" {% (d) => s.step(d[0], d[1], d[3]) %}

StepMembers -> null {% b.nil %}
  | StepMembers StepMember ";":? {% (d) => b.snoc(d[0], d[1]) %}

StepMember -> "as" Subject {% (d) => s.as(d[0], d[1]) %}
  | "region" Name {% (d) => s.region(d[0], d[1]) %}
  | Call {% id %}
  | Expect {% id %}
  | "keep" "credentials" "as" Name {% (d) => s.keep(d[0], d[3]) %}

Subject -> "user" Name {% (d) => s.namedSubject(d[0], 'UserSubject', d[1]) %}
  | "root" Name {% (d) => s.namedSubject(d[0], 'RootSubject', d[1]) %}
  | "pod" Name {% (d) => s.namedSubject(d[0], 'PodSubject', d[1]) %}
  | "service" Name {% (d) => s.serviceSubject(d[0], d[1], null, null) %}
  | "service" Name "source-account" Name {% (d) => s.serviceSubject(d[0], d[1], d[3], null) %}
  | "service" Name "source-arn" Name {% (d) => s.serviceSubject(d[0], d[1], null, d[3]) %}
  | "service" Name "source-account" Name "source-arn" Name
      {% (d) => s.serviceSubject(d[0], d[1], d[3], d[5]) %}
  | "service" Name "source-arn" Name "source-account" Name
      {% (d) => s.serviceSubject(d[0], d[1], d[5], d[3]) %}
  | "anonymous" {% (d) => s.anonymous(d[0]) %}
  | %word {% (d, _, reject) => s.kept(d[0], reject) %}
  | %string {% (d, _, reject) => s.kept(d[0], reject) %}

Call -> "call" Name CallResource:? EntryBlock:? CallContext:?
  {% (d) => s.call(d[0], d[1], d[2], d[3], d[4]) %}

CallResource -> "resource" RefOrText {% second %}

CallContext -> "context" EntryBlock {% second %}

# Factored after "expect" so a step member position predicts one rule, not eight.
Expect -> "expect" Expectation {% (d) => s.expectAt(d[0], d[1]) %}

Expectation -> "allowed" {% (d) => s.expectOutcome(d[0], 'allowed') %}
  | "denied" {% (d) => s.expectOutcome(d[0], 'denied') %}
  | "explicit-deny" {% (d) => s.expectOutcome(d[0], 'explicit-deny') %}
  | "implicit-deny" {% (d) => s.expectOutcome(d[0], 'implicit-deny') %}
  | "error" Name {% (d) => s.expectError(d[0], d[1]) %}
  | "denied" "by" DenyKind {% (d) => s.expectDeniedBy(d[0], d[2], null) %}
  | "denied" "by" DenyKind DeniedByName {% (d) => s.expectDeniedBy(d[0], d[2], d[3]) %}
  | "response" Name "=" Value {% (d) => s.expectResponse(d[0], d[1], d[3]) %}

DenyKind -> "scp" {% id %} | "rcp" {% id %} | "boundary" {% id %} | "session-policy" {% id %}
  | "identity" {% id %} | "resource" {% id %} | "trust" {% id %}

DeniedByName -> %word {% (d, _, reject) => b.unreserved(d[0], 'step', reject) %}
  | %string {% (d) => b.text(d[0]) %}
