import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packFolder } from '../node/packet/pack';
import { readPacket } from '../node/packet/read-packet';
import { AGREEMENT_USAGE, runAgreement } from './agreement-command';
import { restrictNewFiles } from '../node/files/private-folder';
import { HUB_USAGE, runHubCli } from './hub-command';
import { writeDemoSet } from '../demo/demo-set';
import { prepareDemoTemplate } from '../demo/hub-template';

const USAGE = `Usage: npm run -s anchor -- <command>

  packet validate <file> [--json]   check an .anchor packet; exit 1 and one line per problem when invalid
  packet pack <folder> -o <file>    build an .anchor packet from a folder holding manifest.json
  demo --out <dir>                  write the demo packets into <dir>
${AGREEMENT_USAGE}
  demo hub-template                 seed the local demo hub's template now (.cache/), so it starts in a second

${HUB_USAGE.replace(/^Usage: .*\n\n/, '')}`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], out = console.log, err = console.error): Promise<number> {
  // The hub has its own options; hand it everything after "hub" before they are parsed here.
  if (argv[0] === 'hub') return runHubCli(argv.slice(1), out, err);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string', short: 'o' },
      levels: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, action, target] = positionals;
  if (values.help || !group) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  if (group === 'packet' && action === 'validate' && target) {
    const report = await readPacket(resolve(target));
    const valid = report.problems.length === 0 && report.manifest !== undefined;
    if (values.json) {
      out(JSON.stringify({ valid, problems: report.problems }));
    } else if (valid && report.manifest) {
      const m = report.manifest;
      out(
        `valid: ${basename(target)} — ${m.credential.title}, ${m.candidate.pseudonym}, attempt ${m.attempt.number}, ${m.evidence.length} evidence items`,
      );
    } else {
      for (const problem of report.problems) err(`${problem.path}: ${problem.message}`);
    }
    return valid ? 0 : 1;
  }
  if (group === 'packet' && action === 'pack' && target && values.out) {
    const result = await packFolder(resolve(target), resolve(values.out));
    if (!result.ok) {
      for (const problem of result.problems) err(`${problem.path}: ${problem.message}`);
      return 1;
    }
    out(`packed ${values.out}: ${result.manifest.evidence.length} evidence items, ${result.bytes} bytes`);
    return 0;
  }
  if (group === 'agreement' && action) {
    return runAgreement(resolve(action), { levels: values.levels, json: values.json }, out, err);
  }
  if (group === 'demo' && action === 'hub-template') {
    out(`demo hub template: ${await prepareDemoTemplate(() => undefined)}`);
    return 0;
  }
  if (group === 'demo' && values.out) {
    const files = await writeDemoSet(resolve(values.out));
    for (const file of files) out(file);
    return 0;
  }
  err(USAGE);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // Whatever the CLI writes (a hub's database and evidence, demo packets) is the user's alone.
  restrictNewFiles();
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
