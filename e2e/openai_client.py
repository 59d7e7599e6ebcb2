"""Concurrent greedy requests through the official OpenAI Python client, as a user's program sends them.

usage: python openai_client.py BASE_URL MODEL POLICY MAX_TOKENS PROMPT...
Sends one completion per prompt, all at once from threads (so the decode workers batch them), half of them
streamed, and prints one JSON line: [{"prompt", "text", "token_ids", "finish_reason"}...] in prompt order.
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor

from openai import OpenAI


def main() -> None:
    base_url, model, policy, max_tokens, *prompts = sys.argv[1:]
    client = OpenAI(base_url=base_url, api_key="unused-on-loopback")
    extra = {"kv_policy": policy, "ignore_eos": True, "return_token_ids": True}

    def one(i_prompt):
        i, prompt = i_prompt
        if i % 2:
            stream = client.completions.create(model=model, prompt=prompt, max_tokens=int(max_tokens), temperature=0,
                                               stream=True, extra_body=extra)
            text, ids, finish = "", [], None
            for chunk in stream:
                choice = chunk.choices[0]
                text += choice.text
                ids += (choice.model_extra or {}).get("token_ids") or []
                finish = choice.finish_reason or finish
            return {"prompt": prompt, "text": text, "token_ids": ids, "finish_reason": finish}
        r = client.completions.create(model=model, prompt=prompt, max_tokens=int(max_tokens), temperature=0, extra_body=extra)
        choice = r.choices[0]
        return {"prompt": prompt, "text": choice.text, "token_ids": (choice.model_extra or {}).get("token_ids"),
                "finish_reason": choice.finish_reason}

    with ThreadPoolExecutor(len(prompts)) as pool:
        print(json.dumps(list(pool.map(one, enumerate(prompts)))))


if __name__ == "__main__":
    main()
