// A writable stream that keeps what the command writes, for the in-process command tests.
import { Writable } from "node:stream";

/** A stream whose `text()` is everything written to it. */
export function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  stream.text = () => chunks.join("");
  return stream;
}
