// The benchmark's ceiling: a plain Node http server that sends the bytes it
// read on stdin, with the content type it was given. Nothing else.
import http from "node:http";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const body = Buffer.concat(chunks);
const headers = {
  "content-type": process.env.CEILING_TYPE || "text/html; charset=utf-8",
  "content-length": body.length,
};
http
  .createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(process.env.CEILING_PORT), "127.0.0.1");
