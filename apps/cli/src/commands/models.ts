// inferos models: the model directories this machine has.
import { formatModels, listModels } from '../models';
import { command, exits } from '../cli/command';

export function modelsCommand() {
  return command('models', {
    usage: '[DIR...] [--json]',
    summary: 'list the bundled and exported models (size, weights, context)',
    description: `Lists the model directories on this machine: the bundled model, every exported model under the
repository's models/ folder, under each folder of $INFEROS_MODELS (colon-separated) and under each DIR
given, with name, architecture, parameters, weight type and size, context, the KV group sizes it has
graphs for, and whether it has a chat template (a base model without one serves completions only).
Pass any of them to up, generate, eval and bench with --model DIR.`,
  })
    .argument('[DIR...]')
    .option('--json', 'one JSON object on stdout')
    .action(exits((dirs: string[], o: { json?: boolean }) => {
      const list = listModels(dirs);
      process.stdout.write(o.json ? JSON.stringify(list) + '\n' : formatModels(list));
      return 0;
    }));
}
