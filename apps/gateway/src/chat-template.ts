// Chat messages -> the prompt text the model was trained on, through the model's own Jinja chat template
// (inferos.json "chat_template", which loadModelInfo exposes as ModelInfo.chatTemplate).
import { Template } from '@huggingface/jinja';
import { loadModelInfo } from '@inferos/inference';

export interface ChatMessage {
  role: string;
  content: string;
}

export class ChatTemplate {
  private readonly template: Template;

  /** Parses `source` once; throws on a template that does not parse. */
  constructor(
    source: string,
    private readonly specialTokens: { bosToken?: string; eosToken?: string } = {},
  ) {
    this.template = new Template(source);
  }

  /**
   * The prompt for `messages`, ending with the assistant's turn opener (add_generation_prompt). The
   * template emits the BOS token itself, so the caller tokenizes the result without adding special tokens.
   */
  render(messages: readonly ChatMessage[]): string {
    return this.template.render({
      messages,
      add_generation_prompt: true,
      bos_token: this.specialTokens.bosToken ?? '',
      eos_token: this.specialTokens.eosToken ?? '',
    });
  }
}

/** The chat template of the exported model in `modelDir`; throws when the export carries none. */
export function loadChatTemplate(modelDir: string): string {
  const info = loadModelInfo(modelDir);
  if (info.chatTemplate === null) throw new Error(`${info.dir}/inferos.json has no chat_template`);
  return info.chatTemplate;
}
