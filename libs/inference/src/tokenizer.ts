// The model's own tokenizer, read from its Hugging Face tokenizer.json (byte-level BPE for the bundled
// model; any format @huggingface/tokenizers reads for exported checkpoints).
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

export class TextTokenizer {
  private constructor(private readonly tok: Tokenizer) {}

  static load(tokenizerPath: string): TextTokenizer {
    const json = JSON.parse(readFileSync(tokenizerPath, 'utf8')) as object;
    const cfgPath = join(dirname(tokenizerPath), 'tokenizer_config.json');
    const cfg = existsSync(cfgPath) ? (JSON.parse(readFileSync(cfgPath, 'utf8')) as object) : {};
    return new TextTokenizer(new Tokenizer(json, cfg));
  }

  /** Token ids of `text`; with `addSpecialTokens` the tokenizer's post-processor adds BOS as the model expects. */
  encode(text: string, addSpecialTokens = true): number[] {
    return this.tok.encode(text, { add_special_tokens: addSpecialTokens }).ids;
  }

  decode(ids: readonly number[], skipSpecialTokens = true): string {
    if (ids.length === 0) return '';
    return this.tok.decode([...ids], { skip_special_tokens: skipSpecialTokens });
  }

  tokenId(token: string): number | undefined {
    return this.tok.token_to_id(token);
  }
}

/**
 * Turns a growing list of token ids into text deltas. Byte-level BPE may split one character across
 * tokens, so a delta is held back while the decoded tail ends in an incomplete character (U+FFFD);
 * only a short window of recent tokens is decoded each time.
 */
export class StreamDecoder {
  private ids: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(private readonly tokenizer: TextTokenizer) {}

  push(id: number): string {
    this.ids.push(id);
    const prefix = this.tokenizer.decode(this.ids.slice(this.prefixOffset, this.readOffset));
    const full = this.tokenizer.decode(this.ids.slice(this.prefixOffset));
    if (full.length > prefix.length && !full.endsWith('\uFFFD')) {
      this.prefixOffset = this.readOffset;
      this.readOffset = this.ids.length;
      return full.slice(prefix.length);
    }
    return '';
  }
}
