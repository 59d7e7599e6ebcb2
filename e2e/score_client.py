"""Score continuations through the OpenAI API as lm-eval's `local-completions` model does (loglikelihood).

usage: python score_client.py BASE_URL MODEL POLICY < requests.json
requests.json: [{"context": [token ids], "continuation": [token ids]}, ...]
Each request is one completion of the token ids context + continuation with echo=True, logprobs=1,
max_tokens=1 and temperature 0 (lm-eval's payload), all prompts of a batch in one request; the reply's
token_logprobs[ctxlen:-1] are the continuation's (the last entry is the generated token), and it is greedy
when each of them is its position's most likely token. Prints one JSON line:
[{"logprob": sum, "is_greedy": bool, "token_logprobs": [...]}, ...] in request order.
"""
import json
import sys

from openai import OpenAI


def main() -> None:
    base_url, model, policy = sys.argv[1:]
    client = OpenAI(base_url=base_url, api_key="unused-on-loopback")
    requests = json.load(sys.stdin)
    prompts = [r["context"] + r["continuation"] for r in requests]
    out = client.completions.create(model=model, prompt=prompts, max_tokens=1, temperature=0, logprobs=1, echo=True,
                                    seed=1234, extra_body={"kv_policy": policy})
    results = []
    for choice, r in zip(sorted(out.choices, key=lambda c: c.index), requests):
        ctxlen = len(r["context"])
        lps = choice.logprobs.token_logprobs[ctxlen:-1]
        tops = choice.logprobs.top_logprobs[ctxlen:-1]
        is_greedy = all(lp == max(top.values()) for lp, top in zip(lps, tops))
        results.append({"logprob": sum(lps), "is_greedy": is_greedy, "token_logprobs": lps})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
