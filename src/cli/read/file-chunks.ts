// A file's bytes in 64 kB chunks, read with synchronous reads: the readers' source for a plain file (a `.gz` file and
// standard input stay streams). A Node stream's buffering, promises and events cost about 40 ms of CPU for a 50 MB
// file (with the UTF-8 decoder, 90-100 ms against 16-20 ms for these reads and readRows' Latin-1 copy of ASCII:
// bench/README.md, "This session's changes to the JS reader").
import { closeSync, openSync, readSync } from "node:fs";

/** What the readers read: chunks of bytes as Buffers, and a way to stop early (a Node stream of bytes is one too). */
export interface ByteSource extends AsyncIterable<Buffer> {
  /** Stops reading and lets go of the file. */
  destroy(): void;
}

/** The chunk size: 64 kB (larger chunks measured slower: the decoded text no longer stays in the CPU's caches). */
const CHUNK_BYTES = 1 << 16;

/**
 * A part of a file: `read` is where the next chunk starts (moved on as chunks are read), `end` where the part ends
 * (which another thread's start may move down while it is read, never below `read`).
 */
export interface FileRange {
  read: number;
  end: number;
}

/**
 * Reads a file (or a range of it) chunk by chunk. Each chunk is a new buffer (a reader may keep part of one). After
 * each chunk the event loop runs once (`setImmediate`), so that messages from other threads and timers are handled
 * during a long read. The file is opened when the first chunk is asked for (a source given up before that, as by a
 * reader that refuses the format, holds no file descriptor), and closed at the end, on an error or by `destroy`.
 *
 * @example for await (const chunk of fileChunks("survey.csv")) total += chunk.length;
 */
export function fileChunks(path: string, range: FileRange = { read: 0, end: Number.POSITIVE_INFINITY }): ByteSource {
  let fd: number | null = null;
  let open = true;
  const close = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
    open = false;
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (open) fd = openSync(path, "r");
      while (open && fd !== null) {
        const want = Math.min(CHUNK_BYTES, range.end - range.read);
        if (want <= 0) return;
        const buffer = Buffer.allocUnsafe(want);
        const got = readSync(fd, buffer, 0, want, range.read);
        if (got === 0) return;
        range.read += got;
        yield buffer.subarray(0, got);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      close();
    }
  }
  const iterator = chunks();
  return { [Symbol.asyncIterator]: () => iterator, destroy: close };
}
