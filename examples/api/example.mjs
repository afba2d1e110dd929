// The library API in one file (docs/api.md): run a scenario, replay its events, report a scenario
// that cannot run, and evaluate a simulate-custom-policy input. Run it with `node example.mjs` in a
// project where iamsim is installed.
import { checkScenario, replayEventLog, runScenario, serializeEventLog, simulateCustomPolicy } from 'iamsim';

const scenario = `scenario "Bob and the logs"
account Dev 111111111111 {
  bucket logs
  user bob { inline ReadLogs { allow action s3:GetObject resource arn:aws:s3:::logs/* } }
}
step "Bob reads a log" { as user Dev/bob; call s3:GetObject resource arn:aws:s3:::logs/a.log; expect allowed }
step "Bob deletes it" { as user Dev/bob; call s3:DeleteObject resource arn:aws:s3:::logs/a.log; expect allowed }
`;

// 1. Run it: the trace simulate prints, its exit code and its events
const run = await runScenario(scenario, 'logs.iam');
console.log(run.exitCode, run.summary);
console.log(run.output.split('\n').filter((line) => line.includes('FAIL')));

// 2. Write its event log and replay it: the same trace
const log = await serializeEventLog(run.events, 'logs.jsonl');
const replayed = await replayEventLog(log, 'logs.jsonl');
console.log('replayed, the same trace:', replayed.output === run.output);

// 3. A scenario that cannot run: located diagnostics, never an exception
for (const d of checkScenario(scenario.replace('allow action', 'alow action'), 'logs.iam')) {
  console.log(`${d.file}:${d.line}:${d.column}`, d.message, '- did you mean', d.suggestion);
}

// 4. Requests without a scenario: the input and the response of aws iam simulate-custom-policy
const { response } = await simulateCustomPolicy({
  PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })],
  ActionNames: ['s3:GetObject', 's3:PutObject'],
});
console.log(response.EvaluationResults.map((r) => `${r.EvalActionName}: ${r.EvalDecision}`));
