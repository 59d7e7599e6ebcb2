// inferos status: a live view of a running system, from the control API.
import { command, exits, helpPage } from '../cli/command';
import { UsageError, numberOption } from '../cli/options';
import { status } from '../status-view';
import { addControlOptions, targetOf, type ControlOptions } from './control-target';

interface Options extends ControlOptions {
  interval?: string;
  once?: boolean;
}

export function statusCommand() {
  const cmd = addControlOptions(command('status', {
    usage: '[options]',
    summary: 'live view of a running system (like top): services, throughput, KV memory, quality, loops',
    description: `A live view of a running system, like top: every interval it asks the controller's control API
(GET /v1/health and /v1/metrics) and redraws the screen: policy version and baseline mode, each service
with its status and the policy version it runs, tps / ftl_ms / p95_ms, requests running and waiting, KV
bytes by tier against the budget, admission, CPU utilisation (NPU / iGPU / GPU: n/a, with the reason), the
delta-perplexity estimate, and the control loops' measured periods and jitter. Ctrl-C exits. If the
controller stops answering later, the last screen stays with the error under it while status keeps asking.`,
  }))
    .option('--interval <S>', 'seconds between redraws (default 1)')
    .option('--once', 'print one screen without terminal codes and exit (for scripts)');
  return cmd.action(exits((o: Options) => {
    const intervalS = numberOption(o.interval, 'interval', 1);
    if (intervalS <= 0) throw new UsageError(`--interval must be a number of seconds > 0, got "${o.interval}"`);
    return status(targetOf(o, helpPage(cmd)), { intervalS, once: o.once === true });
  }));
}
