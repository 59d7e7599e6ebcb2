// The events of a streaming completion (server-sent events): one parsed JSON object per `data:` event,
// until `[DONE]` or the end of the body. Leaving the loop early cancels the body.
export async function* sseEvents<T>(r: Response): AsyncGenerator<T> {
  const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const line = buf.slice(0, i).replace(/^data: /, '');
        buf = buf.slice(i + 2);
        if (line === '[DONE]') return;
        yield JSON.parse(line) as T;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
