// Prints the brotli size of each file given, one line per file: "<bytes> <path>".
//
// Used by scripts/size.sh. Node's built-in zlib has brotli, so the size report
// needs no `brotli` CLI on the machine. Quality 11 (the maximum), as
// `brotli -q 11`; the default 4 MiB window is larger than any of our files, so
// it compresses exactly as a larger window would.
//
// Usage: node scripts/brotli-size.mjs FILE...

import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

for (const path of process.argv.slice(2)) {
  const data = readFileSync(path);
  const compressed = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  console.log(`${compressed.length} ${path}`);
}
