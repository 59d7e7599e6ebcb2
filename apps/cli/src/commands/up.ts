// inferos up: the whole system, each service its own process, supervised until Ctrl-C.
import { loadPolicy } from '@inferos/kv';
import { command, exits, helpPage } from '../cli/command';
import { UsageError, bytesOption, intOption } from '../cli/options';
import { formatBytes } from '../status-view';
import { fitMemoryBudget, startSystem, type RunningSystem, type ServiceProcess } from '../system';

// A service that crashes is restarted while the rest keep serving, after 0.5 s doubling to 30 s for one
// that keeps crashing (the delay starts over once it has run a minute).
const RESTART_FIRST_DELAY_MS = 500;
const RESTART_MAX_DELAY_MS = 30_000;
const RESTART_STREAK_RESET_MS = 60_000;

export interface UpOptions {
  port?: string;
  controlPort?: string;
  telemetryPort?: string;
  host?: string;
  apiKey?: string;
  nats?: string;
  policy?: string;
  budget?: string;
  memoryBudget?: string;
  model?: string;
  prefillWorkers?: string;
  decodeWorkers?: string;
  workers?: string;
}

/** The command; `inferos service` also uses it to check the options a unit will run `up` with. */
export function upCommand() {
  const cmd = command('up', {
    usage: '[options]',
    summary: 'start the whole system (NATS if needed, controller, kv-store, workers, gateway, telemetry)\nand serve until Ctrl-C',
    description: `Starts the whole system with the bundled model: a NATS server with JetStream when none answers on --nats
(Debian's nats-server; installed with apt-get when missing and running as root), then the controller
(control API on 127.0.0.1:7031; --policy seeds its first policy version), the kv-store, the prefill and
decode workers, the gateway and the telemetry service (127.0.0.1:9464), each its own process; waits until
every one reports healthy, prints the URLs, and serves until Ctrl-C, SIGTERM or SIGHUP, which stops
everything cleanly. The services never outlive it: if it is killed, each one stops (and a NATS server it
started gets SIGTERM). A service that crashes is restarted while the others keep serving (after 0.5 s,
doubling to 30 s while it keeps crashing); inferos status and telemetry show its restarts. When a port it
needs is taken (another Infer-OS, or another program) it says so and starts nothing.`,
  })
    .option('--port <N>', 'gateway HTTP port (default 8000)')
    .option('--control-port <N>', 'control API port (default 7031)')
    .option('--telemetry-port <N>', 'telemetry port: Prometheus /metrics and the live page (default 9464)')
    .option('--host <ADDR>', 'gateway bind address (default 127.0.0.1; anything else needs --api-key)')
    .option('--api-key <KEY>', 'require Authorization: Bearer KEY (env INFEROS_API_KEY)')
    .option('--nats <URL>', 'NATS server (default nats://127.0.0.1:4222, env INFEROS_NATS_URL)')
    .option('--policy <NAME|FILE>', 'KV policy for requests that name none (default: default)')
    .option('--budget <BYTES>', "KV budget, e.g. 512MiB (default: the policy's io.host_pool_bytes)")
    .option('--memory-budget <BYTES>', "the whole system's memory, e.g. 2GiB: once every service is up, the KV budget is\nset to what their memory (PSS: weights, runtimes) leaves of it; refused when that\nis less than 16 MiB. Later allocations (activations of long prompts) come on top")
    .option('--model <DIR>', 'exported model directory (default: the bundled model)')
    .option('--prefill-workers <N>', 'prefill worker processes (default 1; with --workers separate)')
    .option('--decode-workers <N>', 'decode worker processes (default 1)')
    .option('--workers <MODE>', "separate: prefill workers of their own, the quality probe in the controller;\nshared: each decode worker also serves prefill and the quality probe from its one\nmodel session (the weights held once, not three times);\nauto (default): shared when the model's weights pass 256 MiB");
  return cmd.action(exits((o: UpOptions) => up(o, helpPage(cmd))));
}

async function up(o: UpOptions, help: string): Promise<number> {
  const memoryBudget = o.memoryBudget === undefined ? undefined : bytesOption(o.memoryBudget, 'memory-budget');
  if (memoryBudget !== undefined && o.budget !== undefined) throw new UsageError(`--memory-budget sets the KV budget from what the processes leave: give it or --budget, not both\n\n${help}`);
  const workers = o.workers ?? 'auto';
  if (workers !== 'separate' && workers !== 'shared' && workers !== 'auto') throw new UsageError(`--workers must be separate, shared or auto, got ${JSON.stringify(workers)}`);
  const policy = o.policy ?? 'default';
  loadPolicy(policy); // a bad policy is refused before anything starts
  const apiKey = o.apiKey ?? process.env['INFEROS_API_KEY'];
  const say = (line: string) => process.stderr.write(`inferos: ${line}\n`);
  const sys = await startSystem({
    natsUrl: o.nats,
    port: intOption(o.port, 'port', 8000, 0),
    controlPort: intOption(o.controlPort, 'control-port', 7031, 1),
    telemetryPort: intOption(o.telemetryPort, 'telemetry-port', 9464, 1),
    host: o.host,
    apiKey,
    policy,
    budget: o.budget,
    model: o.model,
    prefillWorkers: o.prefillWorkers === undefined ? undefined : intOption(o.prefillWorkers, 'prefill-workers', 1),
    decodeWorkers: intOption(o.decodeWorkers, 'decode-workers', 1),
    workers,
    memoryBudget,
    say,
  });
  if (memoryBudget !== undefined) {
    try {
      const fit = await fitMemoryBudget(sys, memoryBudget, apiKey);
      say(`memory budget ${formatBytes(memoryBudget)}: the processes hold ${formatBytes(fit.processesBytes)} (PSS, before any KV cache); the KV budget is the ${formatBytes(fit.kvBudgetBytes)} left`);
    } catch (err) {
      await sys.stop();
      throw err;
    }
  }
  process.stdout.write(
    `Infer-OS is up (policy ${policy}).\n` +
      `  OpenAI API:   ${sys.url}/v1   (e.g. curl ${sys.url}/v1/chat/completions -H 'content-type: application/json' -d '{"model":"inferos-tiny","messages":[{"role":"user","content":"Hello"}]}')\n` +
      `  Lemonade API: ${sys.url}/api/v1   (health: ${sys.url}/api/v1/health, stats: ${sys.url}/api/v1/stats)\n` +
      `  NATS:         ${sys.natsUrl}${sys.ownNats ? ' (started by inferos up; it admits only these services, each with its own password and permissions)' : ' (found running: used as it is configured)'}\n` +
      (sys.controlUrl ? `  Control API:  ${sys.controlUrl}/v1   (health, metrics, policy, history; OpenAPI at ${sys.controlUrl}/openapi.json)\n` : '') +
      (sys.telemetryUrl ? `  Telemetry:    ${sys.telemetryUrl}/   (live page; Prometheus at ${sys.telemetryUrl}/metrics)\n` : '') +
      `Ctrl-C stops everything.\n`,
  );
  return serveUntilStopped(sys, say);
}

/** Until SIGINT, SIGTERM or SIGHUP (then every service is stopped: exit 0), restarting crashed services. */
function serveUntilStopped(sys: RunningSystem, say: (line: string) => void): Promise<number> {
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = async (why: string, code: number) => {
      if (stopping) return;
      stopping = true;
      say(`${why}: stopping every service`);
      await sys.stop();
      say('stopped');
      resolveExit(code);
    };
    process.on('SIGINT', () => void stop('SIGINT', 0));
    process.on('SIGTERM', () => void stop('SIGTERM', 0));
    process.on('SIGHUP', () => void stop('SIGHUP (the terminal closed)', 0));
    const watch = (s: ServiceProcess, streak: number) => {
      s.child.once('exit', (code, signal) => {
        if (stopping) return;
        const n = Date.now() - s.startedAt > RESTART_STREAK_RESET_MS ? 0 : streak;
        const delay = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** n);
        say(`${s.name} exited unexpectedly (${code ?? signal}): restarting it in ${(delay / 1000).toFixed(1)} s (restart ${s.restarts + 1})`);
        setTimeout(() => {
          if (stopping) return;
          watch(sys.restart(s), n + 1);
        }, delay);
      });
    };
    for (const s of sys.services) watch(s, 0);
  });
}
