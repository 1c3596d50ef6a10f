// IPX as a benchmark peer: IPX's node request handler on a plain node:http
// server bound to 127.0.0.1 (the `ipx serve` CLI is not used: it goes through
// listhen, which may print network URLs or offer a tunnel).
//
//   node server.mjs IMAGES_DIR PORT
//
// URLs: /<modifiers>/<file>, e.g. /w_300,q_80/photo-1600x1200.jpg.  IPX has no
// result cache: every request reads the file and runs a new sharp pipeline.
// sharp and libuv keep their default thread settings.
import http from "node:http";
import sharp from "sharp";
import { createIPX, createIPXNodeServer, ipxFSStorage } from "ipx";

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error("usage: node server.mjs IMAGES_DIR PORT");
  process.exit(2);
}

const server = http.createServer(createIPXNodeServer(createIPX({ storage: ipxFSStorage({ dir }) })));
server.listen(Number(port), "127.0.0.1", () => {
  console.log(`ipx on 127.0.0.1:${port}, images ${dir}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
