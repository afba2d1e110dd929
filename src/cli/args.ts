// Command-line arguments of `simulate` (docs/cli.md).
import { FORMATS, type Format } from '../run-file.js';

export type { Format };

export interface Args {
  readonly command: 'run' | 'replay' | 'eval' | 'walk' | 'serve' | 'test' | 'import' | 'who-can' | 'paths' | 'help' | 'version';
  readonly files: string[];
  readonly format: Format;
  readonly explain: boolean;
  readonly events: string | null;
  readonly color: boolean | null; // null: decide by TTY and NO_COLOR
  readonly until: number | null;
  /** serve: the port (0: the system picks one), the address, the credentials file to write */
  readonly port: number;
  readonly host: string | null;
  readonly credentials: string | null;
  /** serve: a pod of the world (ACCOUNT/CLUSTER/NAMESPACE/POD) whose token files to write into podDir */
  readonly pod: string | null;
  readonly podDir: string | null;
  /** serve: the EC2 instance (ACCOUNT/NAME) whose instance metadata service answers at /latest/ */
  readonly instance: string | null;
  /** serve: an IdP's user (IDP/USER) whose SAMLAssertion to write into samlFile */
  readonly samlAssertion?: string | null;
  readonly samlFile?: string | null;
  /** serve: an Identity Center user whose access portal token to write into ssoCache, as `aws sso login` caches it */
  readonly ssoToken?: string | null;
  readonly ssoCache?: string | null;
  /** eval: the scenario whose world PolicySourceArn is looked up in (simulate-principal-policy) */
  readonly world: string | null;
  /** run and test: one line per scenario instead of its trace (test always prints so) */
  readonly summary: boolean;
  /** run and test: print only the scenarios that fail or cannot run */
  readonly quiet: boolean;
  /** test: write the goldens that are missing or differ */
  readonly update: boolean;
  /** test: a report file for CI (`--reporter junit --output FILE`); import: the world to write (`-o FILE`) */
  readonly reporter: 'junit' | null;
  readonly output: string | null;
  /** who-can: also the role sessions reachable from principals (the chains into each allowed role) */
  readonly sessions: boolean;
  /** paths: every principal that reaches this role (instead of FROM TO) */
  readonly allTo: string | null;
}

/** A usage error for the flags given (each a flag's name, or false where it was not) that do not apply here. */
function refuseFlags(flags: readonly (string | false)[], where: string): void {
  const given = flags.filter((f): f is string => f !== false);
  if (given.length > 0) throw new UsageError(`${given.join(', ')} ${given.length > 1 ? 'apply' : 'applies'} ${where}`);
}

/** The port `simulate serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 7100;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const files: string[] = [];
  let format: Format = 'text';
  let explain = false;
  let events: string | null = null;
  let color: boolean | null = null;
  let until: number | null = null;
  let command: Args['command'] = 'run';
  let port: number | null = null;
  let host: string | null = null;
  let credentials: string | null = null;
  let pod: string | null = null;
  let podDir: string | null = null;
  let instance: string | null = null;
  let samlAssertion: string | null = null;
  let samlFile: string | null = null;
  let ssoToken: string | null = null;
  let ssoCache: string | null = null;
  let world: string | null = null;
  let summary = false;
  let quiet = false;
  let update = false;
  let reporter: 'junit' | null = null;
  let output: string | null = null;
  let sessions = false;
  let allTo: string | null = null;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, null];
    const take = () => (inline !== null ? inline : value(i++, flag));
    switch (flag) {
      case '--help':
      case '-h':
        command = 'help';
        break;
      case '--version':
      case '-v':
        command = 'version';
        break;
      case '--format': {
        const f = take();
        if (!FORMATS.includes(f as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${f}"`);
        format = f as Format;
        break;
      }
      case '--explain':
        explain = true;
        break;
      case '--events':
        events = take();
        break;
      case '--no-color':
        color = false;
        break;
      case '--color':
        color = true;
        break;
      case '--until': {
        const n = take();
        if (!/^\d+$/.test(n)) throw new UsageError(`--until needs a step number, not "${n}"`);
        until = Number(n);
        break;
      }
      case '--port': {
        const n = take();
        if (!/^\d+$/.test(n) || Number(n) > 65535) throw new UsageError(`--port needs a port number (0 to 65535), not "${n}"`);
        port = Number(n);
        break;
      }
      case '--host':
        host = take();
        break;
      case '--credentials':
        credentials = take();
        break;
      case '--pod':
        pod = take();
        break;
      case '--pod-dir':
        podDir = take();
        break;
      case '--instance':
        instance = take();
        break;
      case '--saml-assertion':
        samlAssertion = take();
        break;
      case '--saml-file':
        samlFile = take();
        break;
      case '--sso-token':
        ssoToken = take();
        break;
      case '--sso-cache':
        ssoCache = take();
        break;
      case '--world':
        world = take();
        break;
      case '--summary':
        summary = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--update':
        update = true;
        break;
      case '--reporter': {
        const r = take();
        if (r !== 'junit') throw new UsageError(`--reporter must be junit, not "${r}"`);
        reporter = r;
        break;
      }
      case '--output':
      case '-o':
        output = take();
        break;
      case '--sessions':
        sessions = true;
        break;
      case '--all-to':
        allTo = take();
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (files.length === 0 && SUBCOMMANDS.includes(a) && command === 'run') command = a as Args['command'];
        else files.push(a);
    }
  }
  if (command === 'run' && files.length === 0) throw new UsageError('no scenario file given');
  if (command === 'replay' && files.length !== 1) throw new UsageError('replay takes exactly one event log');
  if (command === 'eval' && files.length !== 1) throw new UsageError('eval takes exactly one input file');
  if (command === 'walk' && files.length !== 1) throw new UsageError('walk takes exactly one scenario (or event log)');
  if (command === 'serve') {
    if (files.length !== 1) throw new UsageError('serve takes exactly one world (a scenario file)');
    if (events !== null && !/\.jsonl$/i.test(events))
      throw new UsageError('serve appends its event log as JSON Lines: --events needs a .jsonl file');
    refuseFlags([format !== 'text' && '--format', explain && '--explain', until !== null && '--until'], 'to scenario runs, not to serve');
    if ((pod === null) !== (podDir === null))
      throw new UsageError('--pod and --pod-dir go together: the pod, and where to write its files');
    if ((samlAssertion === null) !== (samlFile === null))
      throw new UsageError('--saml-assertion and --saml-file go together: the IdP user, and where to write the assertion');
    if ((ssoToken === null) !== (ssoCache === null))
      throw new UsageError('--sso-token and --sso-cache go together: the Identity Center user, and the token cache directory');
  } else {
    refuseFlags(
      [
        port !== null && '--port',
        host !== null && '--host',
        credentials !== null && '--credentials',
        pod !== null && '--pod',
        podDir !== null && '--pod-dir',
        instance !== null && '--instance',
        samlAssertion !== null && '--saml-assertion',
        samlFile !== null && '--saml-file',
        ssoToken !== null && '--sso-token',
        ssoCache !== null && '--sso-cache',
      ],
      'to serve only',
    );
  }
  if (command !== 'test') refuseFlags([update && '--update', reporter !== null && '--reporter'], 'to simulate test only');
  if (command !== 'test' && command !== 'import' && output !== null)
    throw new UsageError('--output applies to simulate test and simulate import only');
  if (command === 'import') {
    if (files.length === 0)
      throw new UsageError(
        'import takes the files to read: get-account-authorization-details output, an organization bundle, bucket and key policies',
      );
    refuseFlags(
      [
        format !== 'text' && '--format',
        explain && '--explain',
        events !== null && '--events',
        until !== null && '--until',
        summary && '--summary',
        quiet && '--quiet',
      ],
      'to scenario runs, not to import',
    );
  }
  if ((summary || quiet) && command !== 'run' && command !== 'test')
    throw new UsageError(`${summary ? '--summary' : '--quiet'} applies to scenario runs and simulate test only`);
  if (summary && command === 'run') {
    const traceOnly = [format !== 'text' && '--format', explain && '--explain', until !== null && '--until'].filter(Boolean);
    if (traceOnly.length > 0)
      throw new UsageError(`--summary prints one line per scenario instead of its trace: it does not go with ${traceOnly.join(', ')}`);
  }
  if (command === 'test') {
    refuseFlags(
      [format !== 'text' && '--format', explain && '--explain', events !== null && '--events', until !== null && '--until'],
      'to scenario runs; simulate test checks every golden beside a scenario',
    );
    if ((reporter === null) !== (output === null)) throw new UsageError('--reporter junit and --output FILE go together');
  }
  questionArgs(command, files, { format, until, events, sessions, allTo });
  if (command === 'eval') {
    if (format !== 'text' && format !== 'json' && format !== 'yaml') throw new UsageError(`eval prints json or yaml, not ${format}`);
    refuseFlags([explain && '--explain', events !== null && '--events', until !== null && '--until'], 'to scenarios, not to eval');
  } else if (world !== null) throw new UsageError('--world applies to eval only');
  return {
    command,
    files,
    format,
    explain,
    events,
    color,
    until,
    port: port ?? DEFAULT_PORT,
    host,
    credentials,
    pod,
    podDir,
    samlAssertion,
    samlFile,
    ssoToken,
    ssoCache,
    instance,
    world,
    summary,
    quiet,
    update,
    reporter,
    output,
    sessions,
    allTo,
  };
}

const SUBCOMMANDS: readonly string[] = ['replay', 'eval', 'walk', 'serve', 'test', 'import', 'who-can', 'paths'];

/** The arguments of `simulate who-can WORLD ACTION RESOURCE` and `simulate paths WORLD FROM TO | --all-to TO`. */
function questionArgs(
  command: Args['command'],
  files: readonly string[],
  o: { format: Format; until: number | null; events: string | null; sessions: boolean; allTo: string | null },
): void {
  if (command !== 'who-can' && o.sessions) throw new UsageError('--sessions applies to who-can only');
  if (command !== 'paths' && o.allTo !== null) throw new UsageError('--all-to applies to paths only');
  if (command !== 'who-can' && command !== 'paths') return;
  if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`${command} prints text or json, not ${o.format}`);
  refuseFlags([o.until !== null && '--until', o.events !== null && '--events'], `to scenario runs, not to ${command}`);
  if (command === 'who-can' && files.length !== 3)
    throw new UsageError('who-can takes a world, an action and a resource: simulate who-can WORLD.iam ACTION RESOURCE');
  if (command === 'paths' && files.length !== (o.allTo === null ? 3 : 1))
    throw new UsageError('paths takes a world and two principals (simulate paths WORLD.iam FROM TO), or a world and --all-to TO');
}

export const HELP = `simulate — replay AWS identity scenarios and explain every decision

usage:
  simulate SCENARIO.iam [SCENARIO.iam …]   run scenarios, print the trace (--summary: one line
                                            each; --quiet: only the failures)
  simulate test [PATH …] [--update] [--reporter junit --output FILE]
                                            check scenarios (files, folders, globs; default: the
                                            current folder) against the goldens beside them
  simulate replay EVENTS_FILE               rebuild the trace from an event log alone
  simulate walk SCENARIO.iam                step through a scenario in the terminal: next, back, and
                                            what changed in the world (prints it all without a TTY)
  simulate eval FILE.json                   evaluate requests without a scenario: the input and the
                                            output of aws iam simulate-custom-policy (json or yaml)
  simulate eval FILE.json --world WORLD.iam simulate-principal-policy: PolicySourceArn's policies
                                            looked up in the world WORLD.iam's run leaves
  simulate serve WORLD.iam [--port N] [--host H] [--credentials FILE] [--events FILE.jsonl]
                 [--pod ACCOUNT/CLUSTER/NAMESPACE/POD --pod-dir DIR] [--instance ACCOUNT/NAME]
                 [--saml-assertion IDP/USER --saml-file FILE] [--sso-token USER --sso-cache DIR]
                                            run the world's steps, then answer the AWS SDKs and CLI
                                            as its STS and IAM endpoints (127.0.0.1, port 7100; 0:
                                            any free port), printing each request's trace
  simulate import FILE… [-o WORLD.iam]      write a .iam world from get-account-authorization-details
                                            output (every page), an organization bundle, bucket and
                                            key policies (to stdout without -o)
  simulate who-can WORLD.iam ACTION RESOURCE [--sessions] [--explain] [--format json]
                                            every user and role whose request would be allowed,
                                            each with the decision (--explain: the denied ones too)
  simulate paths WORLD.iam FROM TO | WORLD.iam --all-to TO [--explain] [--format json]
                                            the chains of AssumeRole, AssumeRoleWithWebIdentity and
                                            PassRole by which FROM (every principal) reaches role TO
  simulate --help | --version

options:
  --format FORMAT            text (default), json, yaml, markdown (a walkthrough with sequence
                             diagrams), mermaid (the whole scenario as one diagram), cloudtrail
                             (one CloudTrail record per API call)
  --explain                  show the full evaluation under every decision: the rules in AWS's
                             order, every statement element by element, the request context
  --events FILE              also write the event log (.yaml/.yml or .jsonl)
  --until N                  stop after step N and print the world state (YAML)
  --no-color                 never colour the text trace (NO_COLOR works too)
  --summary, --quiet         one line per scenario; print only what fails or cannot run
  --update                   test: write the goldens that are missing or differ, and say which
  --reporter junit --output FILE
                             test: also write a JUnit XML report for CI
  -o FILE, --output FILE     import: write the world to FILE (whole or not at all)
  --port N, --host H         serve: where to listen (another address than 127.0.0.1 is said on stderr)
  --credentials FILE         serve: write an AWS credentials file (mode 600), a profile ACCOUNT/USER
                             per IAM user with its access key and the simulation's secret for it
  --pod P --pod-dir DIR      serve: write pod P's projected tokens (IRSA, Pod Identity) into DIR and
                             DIR/env, the variables that point its SDK's default chain at serve
  --instance ACCOUNT/NAME    serve: answer as that EC2 instance's metadata service (IMDSv2) at
                             /latest/: AWS_EC2_METADATA_SERVICE_ENDPOINT=the server's URL
  --sessions                 who-can: also the chains by which other principals reach each allowed role
  --all-to ROLE              paths: every principal that reaches ROLE, each by a shortest chain
  --saml-assertion IDP/USER --saml-file FILE
                             serve: write the SAMLAssertion (base64) the world's saml-idp IDP issues
                             now for USER, for aws sts assume-role-with-saml --saml-assertion file://FILE
  --sso-token USER --sso-cache DIR
                             serve: write the access portal token of the Identity Center user USER
                             into DIR (~/.aws/sso/cache) as aws sso login caches it, for fromSSO
                             and aws sso get-role-credentials against serve

exit codes: 0 every expectation held · 1 an expectation failed · 2 the scenario could not run
            (test: 0 all passed · 1 an expectation failed or a golden differs · 2 one could not run)
            (eval: 0 results printed, whatever the decisions · 2 the input could not run)
            (import: 0 the world written · 2 the input could not be read)
            (who-can, paths: 0 answered, whatever the answer · 2 the world or an argument is wrong)
`;
