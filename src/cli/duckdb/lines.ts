// The line a byte offset of a file is on, counted as the JS reader counts them (a line feed, a carriage return and line
// feed, or a lone carriage return ends a line; header = line 1): DuckDB gives the byte offset of each record it could
// not read.
import type { ByteSource } from "../read/file-chunks.js";

/** The 1-based line of each byte offset (ascending) in a (decompressed) stream. */
export async function linesAtOffsets(stream: ByteSource, offsets: readonly number[]): Promise<Map<number, number>> {
  const lines = new Map<number, number>();
  if (offsets.length === 0) {
    stream.destroy();
    return lines;
  }
  let next = 0;
  let line = 1;
  let position = 0;
  let carriageReturn = false;
  for await (const chunk of stream) {
    for (let i = 0; i < chunk.length; i++, position++) {
      while (next < offsets.length && offsets[next] === position) lines.set(offsets[next++]!, line);
      if (next === offsets.length) break;
      const byte = chunk[i]!;
      if (byte === 10) {
        if (!carriageReturn) line++;
        carriageReturn = false;
      } else if (byte === 13) {
        line++;
        carriageReturn = true;
      } else carriageReturn = false;
    }
    if (next === offsets.length) break;
  }
  while (next < offsets.length) lines.set(offsets[next++]!, line);
  stream.destroy();
  return lines;
}
