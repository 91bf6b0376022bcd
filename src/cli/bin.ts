#!/usr/bin/env node
// The executable. A large CSV file is read by this thread and a worker thread at once; the worker is started here,
// before the rest of the command is loaded, when the arguments name such a file (early-worker.ts). The command itself
// is cli-run.ts, a file of its own (so that this one loads in a few milliseconds).
import { isMainThread } from "node:worker_threads";
import { startEarlyWorker } from "./early-worker.js";

const early = isMainThread ? startEarlyWorker(process.argv.slice(2), process.env, new URL(import.meta.url)) : null;
const { run } = await import("./cli-run.js");
run(early, new URL(import.meta.url));
