# The grammar of `.iam` scenarios (described in docs/language.md).
# `npm run grammar` compiles it to src/dsl/grammar.generated.ts; src/dsl/parse.ts runs it.
#
# This grammar is the language: the only parser of scenarios, and the source of every syntax error
# (what was expected, read from nearley's chart, and suggestions: src/dsl/parse-errors.ts). A change
# of the language is made here, and in the builders its postprocessors call.
#
# Conventions:
# - Tokens come from src/dsl/scanner.ts (through lexer.ts): %word, %string ("…"), %tstring
#   ("""…"""), %key (`Name:` or `"name":`), %jsontext (the balanced JSON after `json`);
#   punctuation and keywords are matched by their source text, so a quoted "allow" is never the
#   keyword. %name (a word or a string), %description, %refWord, %setting, %outcome and the
#   other %… that are not token types are token classes (src/dsl/token-classes.ts): one symbol
#   for several keywords or types, which nearley tries as one chart state instead of one rule
#   each; the builder reads the keyword from the token.
# - Keywords are contextual: a keyword is an ordinary word, usable as a name wherever that is
#   unambiguous. Where a free name could swallow a keyword that may follow it, the name is built
#   with b.unreserved(token, CONTEXT, reject), which rejects that context's keywords (see
#   RESERVED in src/dsl/build.ts); such a name must be quoted.
# - Each postprocessor is one call into a typed builder (b: shared, p: policies, w: world,
#   o: organizations, s: steps), `id`, or `second` (the middle of `{ … }`).
# - Lists are left-recursive and built as cons cells (b.snoc), flattened once by their owner.
#   No `:*`/`:+`: nearley's EBNF copies arrays at every item.
# - An optional ";" may end any item: `Items -> null | Items Item | Items Item ";"` (two rules
#   rather than `";":?`, whose nullable helper rule costs states at every item).
# - Exactly one parse per file; an ambiguity is a bug. test/dsl asserts it for every fixture and
#   generated scenario (fixtures.test.ts, generated.test.ts, fuzz.test.ts).

@preprocessor typescript

@{%
import { lexer } from './lexer.js';
import * as b from './build.js';
import * as o from './build-org.js';
import * as p from './build-policy.js';
import * as s from './build-step.js';
import * as w from './build-world.js';
import * as ic from './build-sso.js';

const second = (d: readonly unknown[]): unknown => d[1];
%}

@lexer lexer

# The world items as a cons list; parseScenario flattens it (once, not at every item).
main -> WorldItems {% id %}

WorldItems -> null {% b.nil %}
  | WorldItems WorldItem {% (d) => b.snoc(d[0], d[1]) %}
  | WorldItems WorldItem ";" {% (d) => b.snoc(d[0], d[1]) %}

WorldItem
  -> %setting Name {% (d) => w.setting(d[0], d[1]) %}
   | "description" Description {% (d) => w.setting(d[0], d[1]) %}
   | Account {% id %}
   | AwsManagedPolicy {% id %}
   | Organization {% id %}
   | OidcProvider {% id %}
   | OidcIssuer {% id %}
   | IdentityCenter {% id %}
   | SamlIdp {% id %}
   | "step" Name "{" StepMembers "}" {% (d) => s.step(d[0], d[1], d[3]) %}

# ---- names, references, values ----------------------------------------------------------------

Name -> %name {% (d) => b.text(d[0]) %}

NameList -> Name {% (d) => b.snoc(null, d[0]) %}
  | NameList "," Name {% (d) => b.snoc(d[0], d[2]) %}

Description -> %description {% (d) => b.text(d[0]) %}

Ref -> %refWord Name {% (d, _, reject) => b.ref(d[0], d[1], reject) %}

# A reference, a name or an ARN outside statements (attach, boundary, groups, call … resource).
RefOrText -> Ref {% id %}
  | %name {% (d, _, reject) => b.unreserved(d[0], 'ref', reject) %}

RefOrTextList -> RefOrText {% (d) => b.snoc(null, d[0]) %}
  | RefOrTextList "," RefOrText {% (d) => b.snoc(d[0], d[2]) %}

ForCluster -> "oidc-provider" "for" "cluster" Name {% (d) => b.forCluster(d[0], d[3]) %}

Value -> Name {% id %}
  | Ref {% id %}
  | ForCluster {% id %}
  | Json {% id %}
  | %valueKeyword Name {% (d) => b.namedValue(d[0], d[1]) %}
  | Token {% id %}
  | SamlAssertion {% id %}
  | "[" "]" {% (d) => b.list(d[0], null) %}
  | "[" ValueList "]" {% (d) => b.list(d[0], d[1]) %}

# A web identity token: `token from pod A/c/ns/p`, `token issuer NAME`, or an OAuth 2.0 access
# token `token oauth PROVIDER { app_id: …, user_id: … }`, then forgeries
# (`signed-by KEY`, `alg none`, `tampered`) and claims `{ sub: …, exp: -1h }`.
Token -> "token" TokenSource TokenModifiers EntryBlock:? {% (d) => b.token(d[0], d[1], d[2], d[3]) %}

TokenSource -> "from" "pod" Name {% (d) => b.tokenSource('pod', d[2]) %}
  | "issuer" Name {% (d) => b.tokenSource('issuer', d[1]) %}
  | "oauth" Name {% (d) => b.tokenSource('oauth', d[1]) %}

TokenModifiers -> null {% b.nil %}
  | TokenModifiers TokenModifier {% (d) => b.snoc(d[0], d[1]) %}

TokenModifier -> "signed-by" Name {% (d) => b.tokenModifier(d[0], d[1]) %}
  | "alg" Name {% (d) => b.tokenModifier(d[0], d[1]) %}
  | "tampered" {% (d) => b.tokenModifier(d[0], null) %}

ValueList -> Value {% (d) => b.snoc(null, d[0]) %}
  | ValueList "," Value {% (d) => b.snoc(d[0], d[2]) %}

Json -> "json" %jsontext {% (d) => b.json(d[1]) %}
  | "json" %name {% (d) => b.jsonScalar(d[1]) %}

# `{ Key: value … }`: entries separated by ",", ";" or nothing.
EntryBlock -> "{" Entries "}" {% (d) => b.entries(d[1]) %}

Entries -> null {% b.nil %}
  | EntryRun {% id %}
  | EntryRun %separator {% id %}

EntryRun -> Entry {% (d) => b.snoc(null, d[0]) %}
  | EntryRun Entry {% (d) => b.snoc(d[0], d[1]) %}
  | EntryRun %separator Entry {% (d) => b.snoc(d[0], d[2]) %}

Entry -> %key Value {% (d) => b.entry(d[0], d[1]) %}

# ---- policies ---------------------------------------------------------------------------------

PolicyBody -> "{" Statements "}" {% (d) => p.statements(d[0], d[1]) %}
  | "json" %jsontext {% (d) => b.json(d[1]) %}
  | "file" Name {% (d) => p.policyFile(d[0], d[1]) %}

Statements -> null {% b.nil %}
  | Statements Statement {% (d) => b.snoc(d[0], d[1]) %}
  | Statements Statement ";" {% (d) => b.snoc(d[0], d[1]) %}

# A statement ends where the next `allow`/`deny`/`}` begins.
Statement -> "allow" Clauses {% (d) => p.statement(d[0], 'Allow', d[1]) %}
  | "deny" Clauses {% (d) => p.statement(d[0], 'Deny', d[1]) %}

Clauses -> Clause {% (d) => b.snoc(null, d[0]) %}
  | Clauses Clause {% (d) => b.snoc(d[0], d[1]) %}

Clause -> "sid" SName {% (d) => p.sid(d[0], d[1]) %}
  | %principalKeyword Principals {% (d) => p.principals(d[0], d[1]) %}
  | %actionKeyword SNames {% (d) => p.actions(d[0], d[1]) %}
  | %resourceKeyword SItems {% (d) => p.resources(d[0], d[1]) %}
  | "when" SName ConditionKey SItems {% (d) => p.condition(d[0], d[1], d[2], d[3]) %}

# Inside statements, statement keywords are not names.
SName -> %name {% (d, _, reject) => b.unreserved(d[0], 'statement', reject) %}

SNames -> SName {% (d) => b.snoc(null, d[0]) %}
  | SNames "," SName {% (d) => b.snoc(d[0], d[2]) %}

# The key may be written with a trailing colon: `when StringEquals aws:username: bob`.
ConditionKey -> SName {% id %}
  | %key {% (d) => b.text(d[0]) %}

# A resource or condition value: a reference, an ARN, `*`, a literal.
SItem -> %refWord SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | %name {% (d, _, reject) => b.unreserved(d[0], 'statement-value', reject) %}

SItems -> SItem {% (d) => b.snoc(null, d[0]) %}
  | SItems "," SItem {% (d) => b.snoc(d[0], d[2]) %}

Principal -> "*" {% (d) => p.anyPrincipal(d[0]) %}
  | %principalRefWord SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | "service" SName {% (d) => p.servicePrincipal(d[0], d[1]) %}
  | "federated" Federated {% (d) => p.federatedPrincipal(d[0], d[1]) %}
  | %name {% (d, _, reject) => b.unreserved(d[0], 'principal', reject) %}

Principals -> Principal {% (d) => b.snoc(null, d[0]) %}
  | Principals "," Principal {% (d) => b.snoc(d[0], d[2]) %}

# `principal federated` takes a provider's ARN or a built-in provider's name (a word), or
# `oidc-provider HOST/PATH` / `oidc-provider for cluster NAME` / `saml-provider [ACCOUNT/]NAME`,
# which expand to the provider's ARN.
Federated -> ForCluster {% id %}
  | "oidc-provider" SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | "saml-provider" SName {% (d, _, reject) => b.ref(d[0], d[1], reject) %}
  | %name {% (d, _, reject) => b.unreserved(d[0], 'federated', reject) %}

# ---- accounts ---------------------------------------------------------------------------------

Account -> "account" Name Name AccountBody:? {% (d) => w.account(d[0], d[1], d[2], d[3]) %}

AccountBody -> "{" AccountMembers "}" {% second %}

AccountMembers -> null {% b.nil %}
  | AccountMembers AccountMember {% (d) => b.snoc(d[0], d[1]) %}
  | AccountMembers AccountMember ";" {% (d) => b.snoc(d[0], d[1]) %}

AccountMember -> User {% id %} | Group {% id %} | Role {% id %} | ManagedPolicy {% id %}
  | Bucket {% id %} | ResourceDecl {% id %} | KmsKey {% id %} | VpcEndpoint {% id %} | Cluster {% id %}
  | OidcProvider {% id %}
  | OidcIssuer {% id %} | Tags {% id %} | Workload {% id %}
  | SamlProvider {% id %}

User -> "user" Name UserBody:? {% (d) => w.user(d[0], d[1], d[2]) %}

UserBody -> "{" UserMembers "}" {% second %}

UserMembers -> null {% b.nil %}
  | UserMembers UserMember {% (d) => b.snoc(d[0], d[1]) %}
  | UserMembers UserMember ";" {% (d) => b.snoc(d[0], d[1]) %}

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
  | GroupMembers GroupMember {% (d) => b.snoc(d[0], d[1]) %}
  | GroupMembers GroupMember ";" {% (d) => b.snoc(d[0], d[1]) %}

GroupMember -> Inline {% id %} | Attach {% id %} | Path {% id %}

Role -> "role" Name RoleBody:? {% (d) => w.role(d[0], d[1], d[2]) %}

RoleBody -> "{" RoleMembers "}" {% second %}

RoleMembers -> null {% b.nil %}
  | RoleMembers RoleMember {% (d) => b.snoc(d[0], d[1]) %}
  | RoleMembers RoleMember ";" {% (d) => b.snoc(d[0], d[1]) %}

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

ManagedPolicy -> "policy" Name PolicyPlace PolicyBody {% (d) => w.managedPolicy(d[0], d[1], d[2], d[3]) %}

# `[path /p/] [version vN]` of a managed policy (each null when absent)
PolicyPlace -> null {% () => [null, null] %}
  | "path" Name {% (d) => [d[1], null] %}
  | "version" Name {% (d) => [null, d[1]] %}
  | "path" Name "version" Name {% (d) => [d[1], d[3]] %}

AwsManagedPolicy -> "aws-managed-policy" Name PolicyPlace PolicyBody {% (d) => w.awsManagedPolicy(d[0], d[1], d[2], d[3]) %}

Bucket -> "bucket" Name ResourceBody:? {% (d) => w.bucket(d[0], d[1], d[2]) %}

ResourceDecl -> "resource" Name ResourceBody:? {% (d) => w.resource(d[0], d[1], d[2]) %}

ResourceBody -> "{" ResourceMembers "}" {% second %}

ResourceMembers -> null {% b.nil %}
  | ResourceMembers ResourceMember {% (d) => b.snoc(d[0], d[1]) %}
  | ResourceMembers ResourceMember ";" {% (d) => b.snoc(d[0], d[1]) %}

ResourceMember -> "policy" PolicyBody {% (d) => w.resourcePolicy(d[0], d[1]) %}
  | Tags {% id %}

# A KMS key: its key policy (AWS's default key policy when left out), tags and aliases.
KmsKey -> "key" Name KmsKeyBody:? {% (d) => w.kmsKey(d[0], d[1], d[2]) %}

KmsKeyBody -> "{" KmsKeyMembers "}" {% second %}

KmsKeyMembers -> null {% b.nil %}
  | KmsKeyMembers KmsKeyMember {% (d) => b.snoc(d[0], d[1]) %}
  | KmsKeyMembers KmsKeyMember ";" {% (d) => b.snoc(d[0], d[1]) %}

KmsKeyMember -> ResourceMember {% id %}
  | "alias" Name {% (d) => w.kmsAlias(d[0], d[1]) %}

# A VPC endpoint: its ID, its VPC, the service it connects to and its endpoint policy (AWS's default
# endpoint policy, which allows everything, when left out).
VpcEndpoint -> "vpc-endpoint" Name "{" VpcEndpointMembers "}" {% (d) => w.vpcEndpoint(d[0], d[1], d[3]) %}

VpcEndpointMembers -> null {% b.nil %}
  | VpcEndpointMembers VpcEndpointMember {% (d) => b.snoc(d[0], d[1]) %}
  | VpcEndpointMembers VpcEndpointMember ";" {% (d) => b.snoc(d[0], d[1]) %}

VpcEndpointMember -> "id" Name {% (d) => w.vpcEndpointField(d[0], d[1]) %}
  | "vpc" Name {% (d) => w.vpcEndpointField(d[0], d[1]) %}
  | "service" Name {% (d) => w.vpcEndpointField(d[0], d[1]) %}
  | "policy" PolicyBody {% (d) => w.resourcePolicy(d[0], d[1]) %}

# What AWS services run with a role: `instance-profile NAME { role R; path P }`, `function NAME {
# role R }`, `instance NAME { instance-profile P }` (src/dsl/resolve/workloads.ts checks the members).
Workload -> WorkloadKeyword Name WorkloadBody:? {% (d) => w.workload(d[0], d[1], d[2]) %}

WorkloadKeyword -> "instance-profile" {% id %} | "function" {% id %} | "instance" {% id %}

WorkloadBody -> "{" WorkloadMembers "}" {% second %}

WorkloadMembers -> null {% b.nil %}
  | WorkloadMembers WorkloadMember {% (d) => b.snoc(d[0], d[1]) %}
  | WorkloadMembers WorkloadMember ";" {% (d) => b.snoc(d[0], d[1]) %}

WorkloadMember -> "role" RefOrText {% (d) => w.workloadField(d[0], d[1]) %}
  | "instance-profile" RefOrText {% (d) => w.workloadField(d[0], d[1]) %}
  | Path {% id %}

# ---- EKS and OIDC -----------------------------------------------------------------------------

Cluster -> "cluster" Name ClusterBody:? {% (d) => w.cluster(d[0], d[1], d[2]) %}

ClusterBody -> "{" ClusterMembers "}" {% second %}

ClusterMembers -> null {% b.nil %}
  | ClusterMembers ClusterMember {% (d) => b.snoc(d[0], d[1]) %}
  | ClusterMembers ClusterMember ";" {% (d) => b.snoc(d[0], d[1]) %}

ClusterMember -> "region" Name {% (d) => w.clusterRegion(d[0], d[1]) %}
  | "oidc-issuer-id" Name {% (d) => w.oidcIssuerId(d[0], d[1]) %}
  | Namespace {% id %}

Namespace -> "namespace" Name NamespaceBody:? {% (d) => w.namespace(d[0], d[1], d[2]) %}

NamespaceBody -> "{" NamespaceMembers "}" {% second %}

NamespaceMembers -> null {% b.nil %}
  | NamespaceMembers NamespaceMember {% (d) => b.snoc(d[0], d[1]) %}
  | NamespaceMembers NamespaceMember ";" {% (d) => b.snoc(d[0], d[1]) %}

NamespaceMember -> ServiceAccount {% id %} | Pod {% id %}

ServiceAccount -> "service-account" Name ServiceAccountBody:?
  {% (d) => w.serviceAccount(d[0], d[1], d[2]) %}

ServiceAccountBody -> "{" ServiceAccountMembers "}" {% second %}

ServiceAccountMembers -> null {% b.nil %}
  | ServiceAccountMembers ServiceAccountMember {% (d) => b.snoc(d[0], d[1]) %}
  | ServiceAccountMembers ServiceAccountMember ";" {% (d) => b.snoc(d[0], d[1]) %}

ServiceAccountMember -> "annotation" Entry {% (d) => d[1] %}
  | "pod-identity" RefOrText {% (d) => w.podIdentity(d[0], d[1]) %}

Pod -> "pod" Name {% (d) => w.pod(d[0], d[1], null) %}
  | "pod" Name "{" "}" {% (d) => w.pod(d[0], d[1], null) %}
  | "pod" Name "{" "service-account" Name "}" {% (d) => w.pod(d[0], d[1], d[4]) %}
  | "pod" Name "{" "service-account" Name ";" "}" {% (d) => w.pod(d[0], d[1], d[4]) %}

OidcProvider -> ForCluster OidcProviderBody:? {% (d) => w.oidcProvider(d[0], d[0], d[1]) %}
  | "oidc-provider" OidcUrl OidcProviderBody:? {% (d) => w.oidcProvider(d[0], d[1], d[2]) %}

OidcUrl -> %name {% (d, _, reject) => b.unreserved(d[0], 'url', reject) %}

OidcProviderBody -> "{" OidcProviderMembers "}" {% second %}

OidcProviderMembers -> null {% b.nil %}
  | OidcProviderMembers OidcProviderMember {% (d) => b.snoc(d[0], d[1]) %}
  | OidcProviderMembers OidcProviderMember ";" {% (d) => b.snoc(d[0], d[1]) %}

OidcProviderMember -> "client-ids" NameList {% (d) => w.clientIds(d[0], d[1]) %}
  | "thumbprints" NameList {% (d) => w.thumbprints(d[0], d[1]) %}

OidcIssuer -> "oidc-issuer" Name Name {% (d) => w.oidcIssuer(d[0], d[1], d[2]) %}

# ---- SAML ------------------------------------------------------------------------------------

# An identity provider outside AWS and its users' attributes; an account's IAM SAML provider with
# its metadata; an assertion the IdP issues for a user, maybe forged (`signed-by KEY`, `unsigned`,
# `tampered`), with fields and attributes `{ Audience: …, NotOnOrAfter: -1h, Role: […] }`.
SamlIdp -> "saml-idp" Name Name "{" SamlUsers "}" {% (d) => w.samlIdp(d[0], d[1], d[2], d[4]) %}

SamlUsers -> null {% b.nil %}
  | SamlUsers SamlUser {% (d) => b.snoc(d[0], d[1]) %}
  | SamlUsers SamlUser ";" {% (d) => b.snoc(d[0], d[1]) %}

SamlUser -> "user" Name EntryBlock:? {% (d) => w.samlUser(d[0], d[1], d[2]) %}

SamlProvider -> "saml-provider" Name "{" "metadata" "from" Name "}" {% (d) => w.samlProvider(d[0], d[1], d[5]) %}

SamlAssertion -> "saml-assertion" Name SamlModifiers EntryBlock:? {% (d) => b.samlAssertion(d[0], d[1], d[2], d[3]) %}

SamlModifiers -> null {% b.nil %}
  | SamlModifiers SamlModifier {% (d) => b.snoc(d[0], d[1]) %}

SamlModifier -> "signed-by" Name {% (d) => b.tokenModifier(d[0], d[1]) %}
  | "unsigned" {% (d) => b.tokenModifier(d[0], null) %}
  | "tampered" {% (d) => b.tokenModifier(d[0], null) %}

# ---- organizations ----------------------------------------------------------------------------

Organization -> "organization" Name:? "{" OrgMembers "}" {% (d) => o.organization(d[0], d[1], d[3]) %}

OrgMembers -> null {% b.nil %}
  | OrgMembers OrgMember {% (d) => b.snoc(d[0], d[1]) %}
  | OrgMembers OrgMember ";" {% (d) => b.snoc(d[0], d[1]) %}

OrgMember -> "management" Name {% (d) => o.management(d[0], d[1]) %}
  | OuMember {% id %}

OuMember -> "account" NameList {% (d) => o.orgAccounts(d[0], d[1]) %}
  | "account" Name "{" OrgAccountMembers "}" {% (d) => o.orgAccount(d[0], d[1], d[3]) %}
  | "ou" Name OuId:? OuBody:? {% (d) => o.ou(d[0], d[1], d[2], d[3]) %}
  | OrgPolicy {% id %}
  | Detach {% id %}

OuId -> %name {% (d, _, reject) => b.unreserved(d[0], 'org', reject) %}

OuBody -> "{" OuMembers "}" {% second %}

OuMembers -> null {% b.nil %}
  | OuMembers OuMember {% (d) => b.snoc(d[0], d[1]) %}
  | OuMembers OuMember ";" {% (d) => b.snoc(d[0], d[1]) %}

OrgAccountMembers -> null {% b.nil %}
  | OrgAccountMembers OrgAccountMember {% (d) => b.snoc(d[0], d[1]) %}
  | OrgAccountMembers OrgAccountMember ";" {% (d) => b.snoc(d[0], d[1]) %}

OrgAccountMember -> OrgPolicy {% id %} | Detach {% id %}

OrgPolicy -> "scp" Name PolicyBody:? {% (d) => o.orgPolicy(d[0], 'Scp', d[1], d[2]) %}
  | "rcp" Name PolicyBody:? {% (d) => o.orgPolicy(d[0], 'Rcp', d[1], d[2]) %}

Detach -> "detach" Name {% (d) => o.detach(d[0], d[1]) %}

# ---- IAM Identity Center ----------------------------------------------------------------------

# `identity-center { region R; access-control-attributes K, …; user U { groups G, …; attributes
# { K: v } }; group G; permission-set P { … }; assign user|group NAME to P in account A, … }`
# (src/dsl/resolve/identity-center.ts checks the names).
IdentityCenter -> "identity-center" "{" IcMembers "}" {% (d) => ic.identityCenter(d[0], d[2]) %}

IcMembers -> null {% b.nil %}
  | IcMembers IcMember {% (d) => b.snoc(d[0], d[1]) %}
  | IcMembers IcMember ";" {% (d) => b.snoc(d[0], d[1]) %}

IcMember -> "region" Name {% (d) => ic.region(d[0], d[1]) %}
  | "access-control-attributes" NameList {% (d) => ic.attributeKeys(d[0], d[1]) %}
  | "user" Name IcUserBody:? {% (d) => ic.user(d[0], d[1], d[2]) %}
  | "group" Name {% (d) => ic.group(d[0], d[1]) %}
  | "permission-set" Name PermissionSetBody:? {% (d) => ic.permissionSet(d[0], d[1], d[2]) %}
  | "assign" IcPrincipalKind Name "to" Name "in" "account" NameList {% (d) => ic.assign(d[0], d[1], d[2], d[4], d[7]) %}

IcPrincipalKind -> "user" {% id %} | "group" {% id %}

IcUserBody -> "{" IcUserMembers "}" {% second %}

IcUserMembers -> null {% b.nil %}
  | IcUserMembers IcUserMember {% (d) => b.snoc(d[0], d[1]) %}
  | IcUserMembers IcUserMember ";" {% (d) => b.snoc(d[0], d[1]) %}

IcUserMember -> "groups" NameList {% (d) => ic.userGroups(d[0], d[1]) %}
  | "attributes" EntryBlock {% (d) => ic.userAttributes(d[0], d[1]) %}

PermissionSetBody -> "{" PermissionSetMembers "}" {% second %}

PermissionSetMembers -> null {% b.nil %}
  | PermissionSetMembers PermissionSetMember {% (d) => b.snoc(d[0], d[1]) %}
  | PermissionSetMembers PermissionSetMember ";" {% (d) => b.snoc(d[0], d[1]) %}

PermissionSetMember -> "managed" NameList {% (d) => ic.managed(d[0], d[1]) %}
  | "customer-managed" NameList {% (d) => ic.customerManaged(d[0], d[1]) %}
  | "inline" PolicyBody {% (d) => ic.inline(d[0], d[1]) %}
  | "boundary" Name {% (d) => ic.boundary(d[0], d[1]) %}
  | "session-duration" Name {% (d) => ic.sessionDuration(d[0], d[1]) %}

# ---- steps ------------------------------------------------------------------------------------

# `step NAME { … }` is a world item (written there, so that each item predicts one rule less).

StepMembers -> null {% b.nil %}
  | StepMembers StepMember {% (d) => b.snoc(d[0], d[1]) %}
  | StepMembers StepMember ";" {% (d) => b.snoc(d[0], d[1]) %}

# Expectations are factored after "expect", so a step member position predicts one rule, not eight.
# `sign-in saml-assertion IDP/USER … [to ROLE]`: the browser posts the assertion to AWS's sign-in
# endpoint, choosing ROLE when the Role attribute lists several (src/engine/saml/sign-in.ts);
# `sign-in access-portal USER to PERMISSION-SET in account A`: an Identity Center user opens the
# console from the AWS access portal (src/engine/sso/portal-sign-in.ts).
StepMember -> "as" Subject {% (d) => s.as(d[0], d[1]) %}
  | "region" Name {% (d) => s.region(d[0], d[1]) %}
  | "via" "vpc-endpoint" Name "from" Name {% (d) => s.via(d[0], d[2], d[4]) %}
  | "call" Name CallResource EntryBlock:? CallContext {% (d) => s.call(d[0], d[1], d[2], d[3], d[4]) %}
  | "expect" Expectation {% (d) => s.expectAt(d[0], d[1]) %}
  | "keep" "credentials" "as" Name {% (d) => s.keep(d[0], d[1], d[3]) %}
  | "keep" "encoded-message" "as" Name {% (d) => s.keep(d[0], d[1], d[3]) %}
  | "sign-in" SamlAssertion {% (d) => s.signIn(d[0], d[1], null) %}
  | "sign-in" SamlAssertion "to" RefOrText {% (d) => s.signIn(d[0], d[1], d[3]) %}
  | "sign-in" "access-portal" Name "to" Name "in" "account" Name {% (d) => s.portalSignIn(d[0], d[2], d[4], d[7]) %}

Subject -> "user" Name {% (d) => s.namedSubject(d[0], 'UserSubject', d[1]) %}
  | "root" Name {% (d) => s.namedSubject(d[0], 'RootSubject', d[1]) %}
  | "pod" Name {% (d) => s.namedSubject(d[0], 'PodSubject', d[1]) %}
  | "function" Name {% (d) => s.workloadSubject(d[0], d[1]) %}
  | "instance" Name {% (d) => s.workloadSubject(d[0], d[1]) %}
  | "task" Name {% (d) => s.workloadSubject(d[0], d[1]) %}
  | "service" Name {% (d) => s.serviceSubject(d[0], d[1], null, null) %}
  | "service" Name "source-account" Name {% (d) => s.serviceSubject(d[0], d[1], d[3], null) %}
  | "service" Name "source-arn" Name {% (d) => s.serviceSubject(d[0], d[1], null, d[3]) %}
  | "service" Name "source-account" Name "source-arn" Name
      {% (d) => s.serviceSubject(d[0], d[1], d[3], d[5]) %}
  | "service" Name "source-arn" Name "source-account" Name
      {% (d) => s.serviceSubject(d[0], d[1], d[5], d[3]) %}
  | "anonymous" {% (d) => s.anonymous(d[0]) %}
  | %name {% (d, _, reject) => s.kept(d[0], reject) %}

# Optional parts written as a rule with a `null` alternative: one state fewer than `X:?`.
CallResource -> null {% b.nil %}
  | "resource" RefOrText {% second %}

CallContext -> null {% b.nil %}
  | "context" EntryBlock {% second %}

Expectation -> %outcome {% (d) => s.expectOutcome(d[0]) %}
  | "error" Name {% (d) => s.expectError(d[0], d[1], null) %}
  | "error" Name "message" ExactMessage {% (d) => s.expectError(d[0], d[1], s.expectedMessage(d[2], 'exact', d[3])) %}
  | "error" Name "message" "contains" Name {% (d) => s.expectError(d[0], d[1], s.expectedMessage(d[2], 'contains', d[4])) %}
  | "denied" "by" %denyKind {% (d) => s.expectDeniedBy(d[0], d[2], null) %}
  | "denied" "by" %denyKind DeniedByName {% (d) => s.expectDeniedBy(d[0], d[2], d[3]) %}
  | "response" Name "=" Value {% (d) => s.expectResponse(d[0], d[1], d[3]) %}
  | "who-can" Name "on" RefOrText "=" "[" PrincipalRefs "]" {% (d) => s.expectWhoCan(d[0], d[1], d[3], d[6]) %}
  | "path" "from" Ref "to" Ref {% (d) => s.expectPath(d[0], true, d[2], d[4]) %}
  | "no" "path" "from" Ref "to" Ref {% (d) => s.expectPath(d[0], false, d[3], d[5]) %}

# `expect who-can …` lists principals as references (`user Dev/alice`, `role Prod/App`); `[]` is no one.
PrincipalRefs -> null {% b.nil %}
  | PrincipalRefList {% id %}

PrincipalRefList -> Ref {% (d) => b.snoc(null, d[0]) %}
  | PrincipalRefList "," Ref {% (d) => b.snoc(d[0], d[2]) %}

DeniedByName -> %name {% (d, _, reject) => b.unreserved(d[0], 'step', reject) %}

# `message TEXT` is the exact message; a plain `contains` there starts the other form, so an exact
# message "contains" is written quoted.
ExactMessage -> %name {% (d, _, reject) => b.unreserved(d[0], 'message', reject) %}
