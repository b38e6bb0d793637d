/**
 * Reads an NDJSON body line by line and hands each parsed line to `onValue` as soon as it is complete.
 * Blank lines are skipped; a line that is not JSON rejects with the line's number.
 */
export async function readNdjson(
  body: ReadableStream<Uint8Array>,
  onValue: (value: unknown) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let lineNo = 0;
  const emit = (line: string) => {
    lineNo++;
    if (line.trim() === "") return;
    try {
      onValue(JSON.parse(line));
    } catch (error) {
      if (error instanceof SyntaxError) throw new Error(`Line ${lineNo} of the response is not JSON.`);
      throw error;
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      emit(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
    }
  }
  emit(buffer + decoder.decode());
}
